# round() uses banker's rounding; ndigits, negative ndigits, return types.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999, 2.51]:
    print(v, round(v), type(round(v)).__name__)
print(round(1.25, 1), round(1.35, 1), round(2.675, 2), round(0.125, 2))
print(round(123.456, -1), round(123.456, -2), round(3.14159, 3), round(1.0, 5))
print(round(5), round(15, -1), round(25, -1), round(35, -1), round(-25, -1))
print(round(1234567, -3), round(-1550, -2), round(1450, -2), type(round(7, 2)).__name__)
print(round(2.5, 0), round(3.5, None), round(-0.0), round(1e20))
print(round(10 ** 30 + 5 * 10 ** 9, -10))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
