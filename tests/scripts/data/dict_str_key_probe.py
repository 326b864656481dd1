# The str-key fast paths of d[k], d[k] = v and d.get(k): keys the probe cannot decide alone
# (an instance with the same hash whose __eq__ is script code), equal texts in distinct
# strs, numeric keys beside str keys, small and indexed maps, subclasses, and an __eq__
# that mutates the dict during the lookup.


class Key:
    def __init__(self, text, answer=True):
        self.text = text
        self.answer = answer
        self.calls = 0

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        self.calls += 1
        return self.answer


class S(str):
    pass


class EqS(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return str.__hash__(self)


def fill(n):
    d = {}
    for i in range(n):
        d["w" + str(i)] = i
    return d


for size in (3, 40):
    d = fill(size)
    text = "".join(["w", "1"])  # a distinct str object with the same text as a key
    print(size, d[text], d.get(text), d.get(text, -1), d.get("nope", -1), d.get("nope"))
    d[text] = d.get(text, 0) + 100
    print(size, d["w1"], len(d))

    # An instance key with the same hash: __eq__ decides, as in CPython.
    k = Key("w2")
    d2 = dict(d)
    d2[k] = "inst"
    print(size, d2.get("w2"), d2["w2"], k.calls > 0)
    k.answer = False
    e = {Key("w5", False): 1}
    e["w5"] = 2
    print(size, len(e), e.get("w5"), e["w5"])

    # str subclasses as keys and lookups.
    d3 = fill(size)
    print(size, d3[S("w0")], d3.get(S("w0")), S("w0") in d3)
    d3[EqS("zz")] = "eqs"
    print(size, d3.get("zz"), d3.get("w0"), len(d3))

    # Numeric keys beside str keys: 1 == 1.0 == True.
    d4 = {1: "int", "1": "str", 2.0: "float", True: "bool?"}
    print(size, d4, d4.get(1.0), d4.get("1"), d4.get(True), d4[2])

# An __eq__ that empties the dict while a str lookup runs: no crash, CPython's result.
class Clearer:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return hash("key")

    def __eq__(self, other):
        self.d.clear()
        return False


for size in (1, 20):
    d = fill(size)
    d[Clearer(d)] = 1
    try:
        print(size, d.get("key", "default"), len(d))
    except RuntimeError as e:
        print(size, "RuntimeError", e)
    d = fill(size)
    d[Clearer(d)] = 1
    try:
        d["key"] = 5
        print(size, len(d), d.get("key"))
    except RuntimeError as e:
        print(size, "RuntimeError", e)


# A dict subclass with __missing__ and an overridden get keeps its own behaviour.
class M(dict):
    def __missing__(self, key):
        return "missing:" + key

    def get(self, key, default=None):
        return "get:" + key


m = M(a=1)
print(m["a"], m["b"], m.get("a"), m.get("zz", 0))

# Insertion order survives replacements and re-insertion.
d = {}
for w in "the cat and the dog and the bird".split():
    d[w] = d.get(w, 0) + 1
print(d, list(d))
del d["cat"]
d["cat"] = 9
print(list(d.items()))
