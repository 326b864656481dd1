# min/max with key, default, multiple args, ties.
print(max(3, 9, 2), min(3, 9, 2), max([4, 8, 1]), min("hello"))
print(max(["aa", "b", "cccc", "dd"], key=len), min(["aa", "b", "cccc", "dd"], key=len))
print(max([("a", 2), ("b", 2), ("c", 1)], key=lambda t: t[1]))
print(min([("a", 2), ("b", 1), ("c", 1)], key=lambda t: t[1]))
print(max([], default="empty"), min((), default=None), max([5], default=0))
print(max(-3, 2, key=abs), min(-3, 2, key=abs), max("b", "a", "c"))
print(max({"x": 3, "y": 1}), max({"x": 3, "y": 1}.values()))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
try:
    max(1, "a")
except TypeError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
