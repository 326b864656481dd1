# frozenset: hashable, immutable, mixing with set.
f = frozenset([3, 1, 2])
print(f, frozenset(), len(f), 2 in f)
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
print(f & frozenset({1, 9}), f - {1}, f ^ {1, 5})
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})])
print(hash(f) == hash(frozenset([1, 2, 3])))
try:
    f.add(4)
except AttributeError as e:
    print(e)
try:
    hash({1, 2})
except TypeError as e:
    print(e)
nested = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(nested))
print(sorted(sorted(x) for x in nested))
print(frozenset(range(5)).issuperset({1, 2}), f.copy() == f)
