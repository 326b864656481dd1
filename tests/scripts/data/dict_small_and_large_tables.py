# Dicts and instance namespaces crossing the small-table size: inserts, deletes, re-inserts,
# equal keys of different types, colliding hashes, popitem order.
d = {}
for i in range(20):
    d[i] = i
    if i % 3 == 0:
        d.pop(i // 2, None)
print(d, len(d))
for k in list(d)[:5]:
    del d[k]
d["x"] = 1; d[1.0] = "float one"; d[True] = "true"
print(d, 1 in d, True in d, d.get(1))
e = {}
for i in range(8):
    e[str(i)] = i
for i in range(8):
    del e[str(i)]
    e[str(i) + "b"] = i
print(e, len(e), list(e.items())[-1], e.popitem(), e)
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f"K{self.v}"
f = {K(i): i for i in range(10)}
print(f[K(3)], K(11) in f, len(f))
del f[K(0)]
print(list(f)[:3], f.pop(K(9)), len(f))
o = type("O", (), {})()
for i in range(12):
    setattr(o, f"a{i}", i)
for i in range(0, 12, 2):
    delattr(o, f"a{i}")
print(vars(o), hasattr(o, "a1"), getattr(o, "a2", None))
