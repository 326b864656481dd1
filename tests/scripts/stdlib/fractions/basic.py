from fractions import Fraction
import math

a = Fraction(3, 4)
b = Fraction("-1/6")
print(a, b, repr(a), a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(a + 1, 1 + a, a * 2, 2 / a, a + 0.5, 0.5 * a, a ** 2, a ** -2, b ** -3, 4 ** Fraction(1, 2), a ** 0.5)
print(Fraction(10, -4), Fraction(0, 5), Fraction(7), Fraction(2.5), Fraction(0.1), Fraction("3.14"), Fraction(" -2e-3 "))
print(Fraction("1.5e2"), Fraction(Fraction(1, 3), Fraction(2, 5)), Fraction.from_float(0.75))
print(Fraction(0.1).limit_denominator(10), Fraction(math.pi).limit_denominator(1000), Fraction(3, 7).limit_denominator(100))
print(a < b, a > b, a == Fraction(6, 8), a == 0.75, a < 1, a >= 0.75, Fraction(2, 1) == 2, b <= -0.5)
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(4, 2)) == hash(2), hash(Fraction(1, 3)))
print(math.floor(b), math.ceil(b), round(Fraction(5, 2)), round(Fraction(7, 2)), round(a, 1), round(Fraction(12345, 1), -2))
print(int(b), float(a), bool(Fraction(0)), abs(b), -a, +a, math.trunc(Fraction(-7, 2)))
print(a.numerator, a.denominator, a.as_integer_ratio(), sorted([a, b, Fraction(1, 2)]))
print(sum([Fraction(1, n) for n in range(1, 6)]))
for bad in ["1/0", "abc", "1.2.3", "", "1 /2", "1_0"]:
    try:
        print(Fraction(bad))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    Fraction(1.5, 2)
except TypeError as e:
    print("TypeError", e)
print({Fraction(1, 2): "half"}[0.5], f"{a}", str(Fraction(-0)))
