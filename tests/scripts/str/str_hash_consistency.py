# Equal strings hash equally (values are never printed: they are randomised per process).
a = "hello world"
b = "hello " + "world"
c = "".join(["hel", "lo", " world"])
print(a == b == c, hash(a) == hash(b) == hash(c))
print(hash("x") == hash("y") or True)
d = {a: 1}
print(d[b], d[c], c in d)
s = {"k1", "k2"}
print("k1" in s, "k3" in s, len(s | {"k1"}))
print(sorted({"pear", "apple", "fig"}), sorted({"b": 1, "a": 2}))
