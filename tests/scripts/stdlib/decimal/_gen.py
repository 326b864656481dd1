"""Deterministic operands for the decimal scripts (a linear congruential generator, so
the cases do not depend on the random module)."""

_state = [12345]


def _next(n):
    _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (_state[0] >> 33) % n


def operand():
    if _next(20) == 0:
        return ["0", "-0", "0.000", "Infinity", "-Infinity", "NaN", "1E+5", "-0E-3"][_next(8)]
    digits = "".join("0123456789"[_next(10)] for _ in range(1 + _next(35))).lstrip("0") or "0"
    exp = _next(81) - 40 if _next(10) < 3 else _next(10) - 6
    return "%s%sE%d" % ("-" if _next(2) else "", digits, exp)


def cases(n):
    return [(operand(), operand()) for _ in range(n)]
