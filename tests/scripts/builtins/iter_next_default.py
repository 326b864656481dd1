# iter() and next() including the default argument.
it = iter([1, 2])
print(next(it), next(it), next(it, None), next(it, "dflt"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
s = iter("ab")
print(next(s), list(s), list(s))
d = iter({"k1": 1, "k2": 2})
print(next(d), next(d))
print(type(iter([])).__name__, type(iter(range(1))).__name__)
try:
    next([1, 2])
except TypeError as e:
    print(e)
i2 = iter(it)
print(i2 is it)
