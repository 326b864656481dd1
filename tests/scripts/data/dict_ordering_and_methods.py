# dicts keep insertion order; common methods.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), len(d))
del d["a"]
d["a"] = 100
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", "dflt"))
print(d.setdefault("b", 0), d.setdefault("new", []), d)
d["new"].append(1)
print(d.pop("new"), d.pop("missing", "nope"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
print(dict(a=1, b=2), dict([(1, "one"), (2, "two")]), dict({"k": "v"}, k2="v2"))
print("b" in d, "q" not in d, 20 in d)
e = d.copy(); e.clear(); print(e, d)
print(d | {"x": "X", "w": 0}, {"w": 0} | d)
d |= {"b": -1}
print(d)
print(list(reversed(d)))
print({k: v for k, v in sorted(d.items())})
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    d.pop("nothere")
except KeyError as e:
    print("KeyError", e)
