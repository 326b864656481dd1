# Decimal construction, conversions, hashing, comparisons with other numbers, and the
# errors of bad operands.
import math
from decimal import *
from fractions import Fraction

print(Decimal(0.1), Decimal.from_float(-2.5), Decimal.from_float(float("nan")),
      Decimal(float("-inf")), Decimal.from_float(5))
print(Decimal((0, (1, 4, 1, 4), -3)), Decimal((1, (), "F")), Decimal(" 12.5 "),
      Decimal("1_000.5"), Decimal("-nan7"), Decimal("sNaN"), Decimal(), Decimal(-42))
print(Decimal("0.5") == Fraction(1, 2), Decimal("0.5") < Fraction(2, 3), Decimal("0.1") == 0.1,
      Decimal("0.5") == 0.5, Decimal(2) > 1.5, 1 < Decimal("1.5"), Decimal("NaN") == Decimal("NaN"))
print(max(Decimal("1.5"), Decimal("1.50")), min([Decimal(3), Decimal("2.9"), 4]),
      sorted([Decimal("3"), Decimal("-1.5"), Decimal("2.25")]))
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("2.675"), 2),
      math.floor(Decimal("-1.5")), math.ceil(Decimal("1.2")), int(Decimal("-7.9")),
      float(Decimal("1e-3")), math.trunc(Decimal("-2.7")))
print(Decimal("12.345").quantize(Decimal("0.01")),
      Decimal("12.345").quantize(Decimal("0.01"), rounding=ROUND_UP),
      Decimal("7.325").quantize(Decimal(".01"), ROUND_HALF_UP))
print(hash(Decimal(5)) == hash(5), hash(Decimal("2.5")) == hash(2.5), {Decimal("1.0"): "a"}[1],
      Decimal(7) % -3, Decimal(-7) // 2, divmod(Decimal(-7), 2), hash(Decimal("-Infinity")))
print(Decimal("1.30").as_tuple(), Decimal("-0.5").as_integer_ratio(),
      Decimal("123.45").adjusted(), Decimal(10).is_normal(), Decimal("1e-999999").is_subnormal())
print(isinstance(Decimal(1), __import__("numbers").Number), Decimal(3).__class__.__name__,
      bool(Decimal(0)), bool(Decimal("0.1")), Decimal("3.00") * Decimal("2.0"),
      Decimal("10") / Decimal("4"), Decimal("1") / Decimal("8"), Decimal("100") / Decimal("10"),
      Decimal("2.00") - Decimal("2"))
print(Decimal(5).compare_total(Decimal("5.0")), Decimal("-0").compare_total(Decimal("0")),
      Decimal(1).copy_sign(Decimal("-2")), Decimal("-3").copy_abs(), Decimal(3).copy_negate(),
      Decimal(1101).logical_and(Decimal(110)), Decimal(2).max_mag(Decimal(-3)))


class Money(Decimal):
    def __repr__(self):
        return "Money(%s)" % self


m = Money("9.99")
print(repr(m), type(m).__name__, type(m + 1).__name__, m * 2, isinstance(m, Decimal))
for bad in [lambda: Decimal("x"), lambda: Decimal([1, 2]), lambda: Decimal(1.5j),
            lambda: Decimal(1) + "a", lambda: Decimal(1) + 1.5, lambda: int(Decimal("NaN")),
            lambda: int(Decimal("-Infinity")), lambda: hash(Decimal("sNaN")),
            lambda: Decimal((2, (1,), 0)), lambda: Decimal((0, (12,), 0))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, str(e).replace("decimal.Decimal", "Decimal"))
total = Decimal(0)
for p in [Decimal("19.99"), Decimal("5.01"), Decimal("0.10")]:
    total += p * 3
tax = (total * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(f"total={total} tax={tax} grand={total + tax:>10}")
