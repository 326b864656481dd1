# ** with ints: negative exponents give floats, 3-arg pow, pow(0, 0).
print(2 ** 10, 2 ** 0, 0 ** 0, (-3) ** 3, (-3) ** 4)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(type(2 ** -1).__name__, type(2 ** 5).__name__)
print(pow(2, 10), pow(2, -2), pow(-2, 5))
print(pow(3, 4, 5), pow(2, 100, 97), pow(-7, 3, 11), pow(7, -1, 11))
print(pow(5, 0, 1), pow(10 ** 20, 3, 10 ** 9 + 7))
print(4 ** 0.5, 8 ** (1 / 3), 2.0 ** 10, 2 ** 0.0)
print((-8) ** 2, -8 ** 2)
print(1 ** 10 ** 10, (-1) ** 10 ** 9, (-1) ** (10 ** 9 + 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
