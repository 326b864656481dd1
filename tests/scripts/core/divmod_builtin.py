# divmod on ints and floats, signs and zero divisors.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 7), (10 ** 20, 3)]:
    print(a, b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1.0, 0.3), (-0.0, 1.0)]:
    print(a, b, divmod(a, b))
print(divmod(True, 2), divmod(9, True))
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(a).__name__, type(b).__name__, "->", e)
try:
    divmod("a", 2)
except TypeError as e:
    print(e)
