# `%`, `//` and `/` of two registers, and `%`/`//` by a small constant, run as quickened
# instructions: every operand kind must still give CPython's result or error.
import math

I64_MIN = -(2**63)
vals = [0, 1, -1, 7, -7, 13, -13, 2**62, I64_MIN, 2**63 - 1, 2**64, -(2**70), True, False]
for x in vals:
    row = []
    for y in vals:
        for name, f in (("%", lambda a, b: a % b), ("//", lambda a, b: a // b), ("/", lambda a, b: a / b)):
            try:
                row.append(f(x, y))
            except ZeroDivisionError as e:
                row.append("Z:" + str(e))
            except OverflowError as e:
                row.append("O:" + str(e))
    print(x, row)

# by a small constant (ModI / FloorDivI), negative constants included
for x in (0, 1, -1, 5, -5, 99, -99, I64_MIN, 2**63 - 1, 2**80, -(2**80), 2.5, -2.5, 0.0, -0.0, True):
    print(x, x % 7, x // 7, x % -7, x // -7, x % 1, x // 1, x % 65536, x // 65536)
for x in (1, -1, 2.0):
    for f in (lambda v: v % 0, lambda v: v // 0):
        try:
            print(f(x))
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)

# floats, mixed, special values
fl = [0.0, -0.0, 1.5, -1.5, 3.0, 1e308, -1e-308, math.inf, -math.inf, math.nan, 2, -3]
for x in fl:
    out = []
    for y in fl:
        for f in (lambda a, b: a % b, lambda a, b: a // b, lambda a, b: a / b):
            try:
                out.append(repr(f(x, y)))
            except ZeroDivisionError as e:
                out.append("Z:" + str(e))
    print(repr(x), " ".join(out))
print(2**1000 / 2**999, (2**1100) // 3.0 if False else "skip")
try:
    print(2**1100 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(10**30 / 10**10, -(10**30) // 7, (10**30) % -7)

# strs, bytes, lists and user classes go through the general path
print("%d-%s" % (5, "x"), "%.2f" % 2.5, b"%d" % 3, "%s" % [1])
try:
    print([1] % 2)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" // 2)
except TypeError as e:
    print("TypeError:", e)


class N:
    def __init__(self, v):
        self.v = v

    def __mod__(self, o):
        return ("mod", self.v, o)

    def __rmod__(self, o):
        return ("rmod", o, self.v)

    def __floordiv__(self, o):
        return ("floordiv", self.v, o)

    def __rfloordiv__(self, o):
        return ("rfloordiv", o, self.v)

    def __truediv__(self, o):
        return ("truediv", self.v, o)

    def __rtruediv__(self, o):
        return ("rtruediv", o, self.v)


n = N(3)
k = 4
print(n % k, k % n, n // k, k // n, n / k, k / n, n % 7, n // 7)


class J(int):
    def __mod__(self, o):
        return "J.mod"


j = J(9)
print(j % 2, j % k, 9 % J(2), j // 2, j / 2)
# in a loop, the operand kinds changing from one run to the next
acc = []
for v in (10, 10.5, -10, 2**70, "%s!", N(1)):
    try:
        acc.append((v % 3, v % k) if not isinstance(v, str) else v % 3)
        acc.append(v // 3 if not isinstance(v, str) else "-")
    except TypeError as e:
        acc.append("TypeError: " + str(e))
print(acc)
seed = 12345
for _ in range(5):
    seed = (seed * 1664525 + 1013904223) % 4294967296
    r = seed // 65536
    print(seed, r, (r % 2000) * (r % 7 + 1) // 7)
