# dict keys: equal numbers collide, tuples as keys, unhashable keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d[(1, 2)] = "tuple"
d[frozenset([1, 2])] = "fs"
d[None] = "none"
print(d[(1, 2)], d[frozenset([2, 1])], d[None])
for bad in ([1], {1: 2}, {1}):
    try:
        d[bad] = 0
    except TypeError as e:
        print(e)
try:
    d[[1]]
except TypeError as e:
    print(e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    d[(3, "x")]
except KeyError as e:
    print("KeyError", e)
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n % 3)
    def __eq__(self, o): return isinstance(o, K) and self.n == o.n
    def __repr__(self): return f"K{self.n}"
kd = {K(1): "a", K(4): "b", K(1): "c"}
print(kd, K(4) in kd, K(7) in kd)
print({"a": 1} == {"a": 1.0}, {1: 2, 3: 4} == {3: 4, 1: 2})
