# keys/values/items views are live and support set operations on keys/items.
d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["four"] = 4
print(len(k), list(v), list(it)[-1])
del d["one"]
print(list(k))
print(sorted(k & {"two", "four", "zzz"}), sorted(k | {"x"}), sorted(k - {"two"}), sorted(k ^ {"two", "q"}))
print(("two", 2) in it, ("two", 3) in it, 3 in v, "two" in k)
print(k == {"two", "three", "four"}, sorted(it & {("two", 2), ("x", 0)}))
print(list(zip(k, v)))
try:
    for key in d:
        d["extra"] = 0
except RuntimeError as e:
    print(e)
print(isinstance(k, type({}.keys())), type(v).__name__, type(it).__name__)
print(list(reversed(d.items())))
print(sorted(d.values(), reverse=True))
