# len(), range() forms and enumerate with start.
print(len([1, 2]), len("héllo"), len(b"\xff\x00"), len({}), len({1: 2, 3: 4}), len(range(0, 100, 7)), len(set("aab")))
for args in [(5,), (2, 5), (5, 2), (0, 10, 3), (10, 0, -3), (-5, 5, 2), (0, 1, 10)]:
    print(args, list(range(*args)))
for i, ch in enumerate("xyz", 1):
    print(i, ch, end="; ")
print()
print(list(enumerate(["a"], start=-3)), list(enumerate(range(3), 100)))
e = enumerate("ab")
print(next(e), next(e), next(e, "exhausted"))
try:
    len(iter([1]))
except TypeError as e:
    print(e)
try:
    range()
except TypeError as e:
    print(e)
