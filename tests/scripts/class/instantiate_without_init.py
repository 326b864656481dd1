# `cls()` for classes whose __init__ is object.__init__ (the fast path that makes the
# instance without running anything), and every change that must leave that path.
import gc
import weakref
from collections import defaultdict


class P:
    pass


class Base:
    def m(self):
        return "m"


class Child(Base):
    pass


def make(cls, n):
    out = []
    i = 0
    while i < n:
        out.append(cls())
        i += 1
    return out


ps = make(P, 3)
print(type(ps[0]).__name__, len({id(p) for p in ps}), ps[0].__dict__)
print(make(Child, 2)[1].m())

# Arguments to a class with object.__init__ and object.__new__.
for args, kw in (((1,), {}), ((), {"a": 1})):
    try:
        P(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    make_one = lambda: P(1)
    make_one()
except TypeError as e:
    print("TypeError:", e)

# __init__ gained later, then removed again.
P.__init__ = lambda self, v=5: setattr(self, "v", v)
print(make(P, 2)[0].v, P(7).v)
del P.__init__
print(make(P, 1)[0].__dict__)

# An explicit object.__init__ is the same as none.
class E:
    __init__ = object.__init__


print(type(make(E, 1)[0]).__name__)
try:
    E(1)
except TypeError as e:
    print("TypeError:", e)

# A base class gaining __init__ changes its subclasses' instances.
Base.__init__ = lambda self: setattr(self, "tag", "base")
print(make(Child, 1)[0].tag)
del Base.__init__
print(hasattr(make(Child, 1)[0], "tag"))


# __new__ overrides, inherited too.
class N:
    def __new__(cls):
        print("new", cls.__name__)
        return super().__new__(cls)


class NChild(N):
    pass


make(N, 1)
make(NChild, 1)


class Other:
    def __new__(cls):
        return 42


print(make(Other, 1))


# A metaclass __call__.
class Meta(type):
    def __call__(cls, *a):
        print("meta call", cls.__name__, a)
        return super().__call__(*a)


class M(metaclass=Meta):
    pass


print(type(make(M, 1)[0]).__name__)


# __del__, weak references, cycles through instances of such classes.
class D:
    def __del__(self):
        print("del D")


make(D, 2)
print("after D")

p = make(P, 1)[0]
w = weakref.ref(p)
del p
print(w() is None)

a = make(P, 1)[0]
a.me = a
r = weakref.ref(a)
del a
gc.collect()
print(r() is None)

# Classes called from native code (defaultdict's factory, map).
dd = defaultdict(P)
print(type(dd["k"]).__name__, type(dd["k"]) is P)
print([type(x).__name__ for x in map(lambda _: Child(), range(2))])
dd2 = defaultdict(Child)
print(dd2[1].m())

# __class__ assignment on such an instance.
q = make(P, 1)[0]
q.__class__ = Child
print(q.m())


# __slots__ without __init__.
class S:
    __slots__ = ("x",)


s = make(S, 1)[0]
print(hasattr(s, "__dict__"))
s.x = 3
print(s.x)
try:
    s.y = 1
except AttributeError as e:
    print("AttributeError:", e)
