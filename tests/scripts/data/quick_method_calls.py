# `d.get(...)` and `l.append(...)` run in place for exact dicts and lists: everything else
# (subclasses, overrides, wrong arity, odd keys, unbound and bound calls) must behave as before.


class Key(str):
    """A str subclass with its own hash and equality (equal to any case variant)."""

    def __hash__(self):
        return hash(self.lower())

    def __eq__(self, other):
        print("eq", self.upper(), other)
        return isinstance(other, str) and self.lower() == other.lower()


class Collide:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n

    def __repr__(self):
        return f"C{self.n}"


d = {"a": 1, "b": 2, 3: "three", (1, 2): "pair", None: "none", 1.5: "float"}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get(3), d.get(3.0), d.get(True, "t"))
print(d.get((1, 2)), d.get(None), d.get(1.5), d.get("b", None))
d[Key("k")] = "key"
print(d.get("k"), d.get("K"), d.get(Key("K")), hash(Key("K")) == hash("k"))


class NoHash(str):
    def __eq__(self, other):
        return False


try:
    d.get(NoHash("a"))
except TypeError as e:
    print("TypeError:", e)


class Sub(NoHash):
    pass


try:
    {Sub("a"): 1}
except TypeError as e:
    print("TypeError:", e)


class IntKey(int):
    def __hash__(self):
        return 3


print(d.get(IntKey(5)), {IntKey(5): "five"}.get(5), {5: "five"}.get(IntKey(5)))
c = {Collide(i): i for i in range(5)}
print([c.get(Collide(i)) for i in range(6)], c.get(Collide(9), "none"))

# wrong arity and unhashable keys: CPython's messages
for args in [(), (1, 2, 3)]:
    try:
        d.get(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    d.get()
except TypeError as e:
    print("TypeError:", e)
try:
    d.get(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    d.get([1])
except TypeError as e:
    print("TypeError:", e)
try:
    d.get({}, 5)
except TypeError as e:
    print("TypeError:", e)


class Boom:
    def __hash__(self):
        raise ValueError("no hash")


try:
    d.get(Boom(), 1)
except ValueError as e:
    print("ValueError:", e)


# subclasses and overrides
class D(dict):
    def get(self, k, default=None):
        return ("D.get", k, default)


class E(dict):
    pass


class M(dict):
    def __missing__(self, k):
        return "missing"


print(D(a=1).get("a"), E(a=1).get("a"), E().get("x", 9), M().get("x"))
print(dict.get(d, "a"), dict.get(E(a=5), "a"))
g = d.get
print(g("b"), g("nope", "dflt"))
print(type(d).get is dict.get, d.get.__name__, d.get.__qualname__)

# list.append
l = [1]
l.append(2)
l.append(l)
print(len(l), l[2] is l, l)
l.append([3])
print(l[-1])
for bad in [(), (1, 2)]:
    try:
        l.append(*bad)
    except TypeError as e:
        print("TypeError:", e)


class L(list):
    def append(self, x):
        print("L.append", x)
        super().append(x * 2)


class P(list):
    pass


a, p = L(), P()
a.append(3)
p.append(4)
print(a, p, list.append(p, 5), p)
app = p.append
app(6)
print(p, [].append(1))

# the appended value is moved, not copied: identity kept, the loop variable still bound
objs = []
for i in range(3):
    o = [i]
    objs.append(o)
    print(o, objs[-1] is o, end=" ")
print()

# appending to a list while iterating it, and get inside a loop that mutates the dict
xs = [1, 2, 3]
for x in xs:
    if x < 3:
        xs.append(x + 10)
print(xs)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
try:
    for k in counts:
        counts[k + "x"] = counts.get(k)
except RuntimeError as e:
    print("RuntimeError:", e)


# a method attribute named get/append on a plain object is not affected
class Box:
    def __init__(self):
        self.get = lambda k, d=None: ("box", k, d)
        self.append = print


b = Box()
print(b.get(1), b.get(1, 2))
b.append("box append")


# a finalizer that is due runs before the in-place call, as before any call
log = []


class Fin:
    def __del__(self):
        log.append("del")


def rebinding():
    x = Fin()
    x = None
    log.append("after")
    y = Fin()
    y = 5
    log.append({}.get("k", "got"))
    print(log, x, y)


rebinding()
