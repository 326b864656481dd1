# `obj.name += x * y` / `obj.name -= x + y` run as one fused step when the attribute cache
# knows the attribute and both operators are plain int/float arithmetic. Every case warms
# the site up first, then changes something the fused step must notice.


class P:
    def __init__(self, x):
        self.x = x


def bump(o, a, b):
    o.x += a * b


def drop(o, a, b):
    o.x -= a + b


def diff(o, a, b):
    o.x += a - b


def warm(o, n=5):
    for _ in range(n):
        bump(o, 1.5, 2.0)
        drop(o, 0.25, 0.25)
        diff(o, 3.0, 1.0)


# Plain floats, ints, mixes, and an int that overflows the fast path.
p = P(0.0)
warm(p)
print("float", p.x)
q = P(10)
for i in range(4):
    bump(q, i, 3)
    drop(q, i, 1)
print("int", q.x, type(q.x).__name__)
bump(q, 2, 0.5)
print("int*float", q.x, type(q.x).__name__)
big = P(2**62)
bump(big, 2**61, 2)
print("overflow", big.x)
drop(big, 2**62, 2**62)
print("back", big.x)
f = P(float("inf"))
drop(f, float("inf"), 0.0)
print("nan", f.x)

# Values the fused step does not handle: a bool, a str, a list, an int subclass.
b = P(True)
bump(b, 1, 1)
print("bool", b.x)
s = P("ab")
warm(P(0.0))
try:
    bump(s, 2, 3)
except TypeError as e:
    print("str", e)
lst = P([1])
try:
    drop(lst, 1, 2)
except TypeError as e:
    print("list", e)


class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"


m = P(MyInt(5))
bump(m, 2, 3)
print("int subclass", m.x)


# An operand with its own `__mul__` that deletes the attribute in between.
class Deleter:
    def __init__(self, target):
        self.target = target

    def __mul__(self, other):
        del self.target.x
        return 100


d = P(1.0)
warm(d)
bump(d, Deleter(d), 2)
print("deleted in between", d.x, list(vars(d)))

# A property added to the class after the sites were warmed up.
log = []


class Q:
    def __init__(self):
        self.x = 1.0


qq = Q()
for _ in range(5):
    bump(qq, 1.0, 1.0)
print("before property", qq.x)


def get_x(self):
    log.append("get")
    return self.__dict__["x"]


def set_x(self, v):
    log.append("set")
    self.__dict__["x"] = v * 10


Q.x = property(get_x, set_x)
bump(qq, 1.0, 1.0)
print("property", qq.x, log)


# `__setattr__` and `__getattribute__` added later.
class R:
    def __init__(self):
        self.x = 0


rr = R()
for _ in range(5):
    bump(rr, 1, 1)


def setattr_hook(self, name, value):
    object.__setattr__(self, name, ("hooked", value))


R.__setattr__ = setattr_hook
bump(rr, 2, 2)
print("__setattr__", rr.x)
del R.__setattr__
rr.x = 7
for _ in range(5):
    drop(rr, 1, 0)


def getattribute_hook(self, name):
    v = object.__getattribute__(self, name)
    return v * 100 if name == "x" else v


R.__getattribute__ = getattribute_hook
drop(rr, 1, 0)
print("__getattribute__", object.__getattribute__(rr, "x"))
del R.__getattribute__


# Slots, and a class attribute the instance shadows on the first update.
class S:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 1.0


ss = S()
warm(ss)
print("slots", ss.x)


class C:
    x = 5.0


cc = C()
bump(cc, 1.0, 2.0)
print("class attr", cc.x, C.x, vars(cc))
for _ in range(5):
    bump(cc, 1.0, 1.0)
del cc.x
bump(cc, 1.0, 1.0)
print("shadow again", cc.x, C.x)


# `__class__` and `__dict__` assignment after warming up.
class D:
    @property
    def x(self):
        return 40

    @x.setter
    def x(self, v):
        print("D.x set", v)


class E:
    pass


e = P(1.0)
warm(e)
e.__class__ = D
bump(e, 1, 2)
e.__class__ = E
e.x = 3.0
warm(e)
print("E", e.x)
e.__dict__ = {"x": 100}
bump(e, 1, 1)
print("new dict", e.x, e.__dict__)
e.__dict__ = {"y": 1}
try:
    bump(e, 1, 1)
except AttributeError as err:
    print("AttributeError", err)

# Two classes and several instances through one site, alternating.
objs = [P(1.0), S(), P(2), cc, P(0.5)]
for _ in range(3):
    for o in objs:
        bump(o, 2, 0.25)
        drop(o, 0.5, 0)
print("mixed", [o.x for o in objs])


# An in-place operator the class defines itself.
class V:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, other):
        return V(self.v + other + 1000)

    def __repr__(self):
        return f"V({self.v})"


vv = P(V(1))
bump(vv, 2, 3)
print("__iadd__", vv.x)
