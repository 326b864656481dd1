# Decimal arithmetic, comparisons and rounding over generated operands, at several
# precisions and every rounding mode; the flags each case raised are printed too.
from decimal import *
from _gen import cases


def show(f):
    try:
        return str(f())
    except Exception as e:
        return type(e).__name__ + str(e.args)


rounds = [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP,
          ROUND_HALF_DOWN, ROUND_05UP]
for i, (a, b) in enumerate(cases(160)):
    ctx = getcontext()
    ctx.prec = [28, 5, 12, 1, 40][i % 5]
    ctx.rounding = rounds[i % 8]
    ctx.clear_flags()
    x, y = Decimal(a), Decimal(b)
    out = [show(lambda: x + y), show(lambda: x - y), show(lambda: x * y), show(lambda: x / y),
           show(lambda: x // y), show(lambda: x % y), show(lambda: divmod(x, y)),
           show(lambda: x.quantize(y)), show(lambda: x < y), show(lambda: x == y),
           show(lambda: x.compare(y)), show(lambda: +x), show(lambda: -y),
           show(lambda: x.normalize()), show(lambda: x.to_integral_value()),
           show(lambda: x.sqrt()), show(lambda: int(x)), show(lambda: round(x, 2)),
           show(lambda: x.max(y)), show(lambda: x.min(y)), show(lambda: x.remainder_near(y)),
           show(lambda: x.to_eng_string()), show(lambda: x.as_tuple()),
           show(lambda: hash(x) if not x.is_nan() else 0), show(lambda: x.fma(y, 1)),
           show(lambda: x.adjusted()), show(lambda: x.number_class()),
           show(lambda: x.same_quantum(y)), show(lambda: float(x))]
    print(i, a, b, " | ".join(out))
    print("  flags", sorted(k.__name__ for k, v in ctx.flags.items() if v))
