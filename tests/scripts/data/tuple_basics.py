# Tuples: construction, immutability, methods, comparisons, hashing.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t.count(1), t.index(3.0))
print((), (1,), tuple("ab"), tuple([1, 2]), 1, 2 if False else (1, 2))
single = 5,
print(single, type(single).__name__)
try:
    t[0] = 9
except TypeError as e:
    print(e)
try:
    del t[0]
except TypeError as e:
    print(e)
try:
    t.append(1)
except AttributeError as e:
    print(e)
print((1, 2) + (3,), (0,) * 3, (1, 2) * 0)
print((1, 2) < (1, 2, 3), (2,) > (1, 5), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
m = ([1], 2)
m[0].append(5)
print(m)
a, b, c, d = t
print(a, b, c, d)
print(max((3, 1), (3, 2), (2, 9)), sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    t.index("zzz")
except ValueError as e:
    print(e)
