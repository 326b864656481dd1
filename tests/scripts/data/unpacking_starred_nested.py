# Sequence unpacking: starred, nested, errors.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
(x, y), (z, *w) = (1, 2), "pqr"
print(x, y, z, w)
for i, (p, *q) in enumerate([(1, 2, 3), (4,)]):
    print(i, p, q)
print([*range(3), *"ab", *(9,)], (*[1, 2],), {*[1, 1, 2]})
d1 = {"a": 1}
print({**d1, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), k=1, **{"m": 2}))
for bad in ([1, 2], [1, 2, 3, 4], 5):
    try:
        a, b, c = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
m, n = {"k1": 1, "k2": 2}
print(m, n)
