# d[k] and d[k] = v with str keys on exact dicts take a shortcut when the key is present;
# everything else (absent keys, str subclasses, dict subclasses, finalizers of replaced
# values, mutation while iterating) must behave as before.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


d = {"a": 1, "b": 2}
d["a"] = 10
d["c"] = 3
print(d, d["a"], d["c"])
try:
    d["zz"]
except KeyError as e:
    print("KeyError", e)
d["a"] = Noisy("first")
d["a"] = Noisy("second")
print("after replace")
d["a"] = 0
print("after second replace")
k = "".join(["b"])
d[k] += 5
print(d[k], d["b"])


class S(str):
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        print("S.eq")
        return str(self) == str(other)


d[S("a")] = "via S"
print(d["a"], d[S("b")])


class M(dict):
    def __missing__(self, key):
        return "missing " + key

    def __setitem__(self, key, value):
        print("M.setitem", key, value)
        super().__setitem__(key, value)


m = M(x=1)
m["x"] = 2
print(m["x"], m["y"])

# replacing values while iterating is allowed; adding keys is not
for key in d:
    d[key] = key * 2
print(d)
try:
    for key in d:
        d[key + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)

# keys that collide in the hash table
big = {f"k{i}": i for i in range(1000)}
for i in range(0, 1000, 7):
    big[f"k{i}"] = -i
print(sum(big.values()), big["k7"], big["k999"], len(big))
