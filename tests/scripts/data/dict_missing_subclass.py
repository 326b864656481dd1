# dict subclasses: __missing__, overriding __getitem__ is not used by get().
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()), c["z"], "z" in c, c.get("z"))
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
g = Default(list)
g["a"].append(1)
g["b"].append(2)
g["a"].append(3)
print(g, isinstance(g, dict), type(g).__name__)
class Upper(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper(A=1)
print(u["a"], u.get("a"), len(u))
