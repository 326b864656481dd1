# Token-based temporary overrides, as used for per-call settings; reset restores exactly.
from contextvars import ContextVar, Token, copy_context

precision = ContextVar("precision", default=2)


class override:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        self.token = precision.set(self.value)
        return self.token

    def __exit__(self, *exc):
        precision.reset(self.token)


def fmt(x):
    return f"{x:.{precision.get()}f}"


print(fmt(3.14159))
with override(4) as tok:
    print(fmt(3.14159), tok.old_value is Token.MISSING, tok.var.name)
    with override(0):
        print(fmt(3.14159))
    print(fmt(3.14159))
print(fmt(3.14159), precision.get(), copy_context().get(precision, "unset"))
t1 = precision.set(5)
t2 = precision.set(6)
precision.reset(t2)
print(precision.get(), t2.old_value)
try:
    precision.reset(t2)
except RuntimeError:
    print("reused token rejected")
precision.reset(t1)
print(precision.get(), precision in copy_context())
