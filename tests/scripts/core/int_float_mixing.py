# Mixed int/float arithmetic and comparisons.
print(1 + 2.0, 3 * 0.5, 7 - 7.0, 2 ** 3.0, 9 / 3, 9 // 2.0, 9 % 2.5)
print(type(1 + 2.0).__name__, type(True + 1.5).__name__, type(4 / 2).__name__)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(0.5 < 1 < 1.5, 3 >= 3.0, 1 != 1.0000001)
print(hash(1) == hash(1.0), hash(2 ** 62) == hash(float(2 ** 62)))
print(10 ** 20 / 10 ** 10, 1 / 3 * 3 == 1.0)
print(float(2 ** 100), int(2.0 ** 100) == 2 ** 100)
print(sum([1, 2.5, 3]), max(1, 1.0), max(1.0, 1), min(2, 2.0))
d = {1: "int"}
d[1.0] = "float"
print(d)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 / 10 ** 399)
