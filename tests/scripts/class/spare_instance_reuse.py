# A dead instance's storage kept whole for the class's next instance (object and emptied
# dict): the new instance must look fresh in every way scripts can see.
import gc
import weakref


class P:
    def __init__(self, x, y=None):
        self.x = x
        if y is not None:
            self.y = y


# Attributes of the dead instance must not show through on the next one.
for i in range(6):
    p = P(i, i * 2) if i % 2 == 0 else P(i)
    print(i, vars(p), hasattr(p, "y"), type(p).__name__)
    del p


def made(n):
    # instances made and dropped in a loop, one attribute set left out each time
    out = []
    for i in range(n):
        q = P(i, None if i % 3 else "y")
        out.append(sorted(q.__dict__))
    return out


print(made(7))


def probe(n):
    # no vars() or __dict__ here: those register the instance with the collector
    out = []
    for i in range(n):
        q = P(i, None if i % 3 else "y")
        out.append((q.x, hasattr(q, "y"), getattr(q, "y", "-")))
        q.z = i * 1.5
        if i % 2:
            q.w = "w"
    return out


print(probe(7))
print([hasattr(P(i), "z") or hasattr(P(i), "w") for i in range(4)])


# An instance deleted from before it died.
class D:
    def __init__(self, a, b):
        self.a = a
        self.b = b


for i in range(4):
    d = D(i, -i)
    if i == 1:
        del d.a
    print(i, getattr(d, "a", "gone"), d.b, len(vars(d)))
    d = None


# A weak reference to a dead instance stays dead; a new one gets its own.
class W:
    def __init__(self, v):
        self.v = v


w = W(1)
r = weakref.ref(w)
del w
print("dead ref", r())
for i in range(3):
    w2 = W(i)
    print("new ref alive", weakref.ref(w2)() is w2, r())
    del w2
print("still dead", r())


# __del__ added to the class after instances were kept: the next ones have it.
class F:
    def __init__(self, n):
        self.n = n


for i in range(3):
    F(i)


def fin(self):
    print("del", self.n)


F.__del__ = fin
F(10)
f = F(11)
del f
F.__del__ = None
del F.__del__


# A held __dict__ and vars(): the dict outlives the instance, with its contents.
class H:
    def __init__(self, k):
        self.k = k


h = H(5)
kept = h.__dict__
del h
print("kept dict", kept)
h2 = H(6)
print("new dict", vars(h2), kept, vars(h2) is kept)


# Non-atom attribute values (the instance joins the collector): freed as usual.
class N:
    def __init__(self, v):
        self.v = v


for i in range(3):
    n = N([i])
    n.self_ref = n
    del n
gc.collect()
print("cycles", N([1]).v)


# __class__ assignment before death.
class A1:
    def __init__(self, v):
        self.v = v

    def who(self):
        return "A1"


class A2:
    def __init__(self, v):
        self.v = v

    def who(self):
        return "A2"


for i in range(3):
    a = A1(i)
    if i == 1:
        a.__class__ = A2
    print(i, a.who(), type(a).__name__, vars(a))
    del a
print([type(A2(i)).__name__ for i in range(2)], [type(A1(i)).__name__ for i in range(2)])


# A class with kept instances can still die: a weak reference to it goes dead.
def make_class():
    class T:
        def __init__(self, v):
            self.v = v

    for i in range(5):
        T(i)
    return weakref.ref(T)


tr = make_class()
gc.collect()
print("class freed", tr() is None)


# Subclasses keep their own instances; classes without __init__; __slots__.
class Base:
    def __init__(self, v):
        self.v = v


class Sub(Base):
    pass


class Bare:
    pass


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


for i in range(3):
    b, s = Base(i), Sub(-i)
    e = Bare()
    e.z = i
    sl = Slotted(i)
    print(type(b).__name__, b.v, type(s).__name__, s.v, vars(e), sl.a, hasattr(sl, "__dict__"))
    del b, s, e, sl
print(Bare().__dict__, isinstance(Sub(1), Base), type(Base(2)) is Base)


# An __init__ that raises half way: the instance dies with one attribute set.
class R:
    def __init__(self, a, b):
        self.a = a
        if b < 0:
            raise ValueError(b)
        self.b = b


for i in (1, -1, 2, -2, 3):
    try:
        r2 = R(i, i)
        print("made", vars(r2))
        del r2
    except ValueError as e:
        print("raised", e)
print(vars(R(7, 8)))

# Identity: two live instances are distinct; ids of live objects differ.
x1, x2 = P(1), P(2)
print(x1 is x2, id(x1) == id(x2), x1.x, x2.x)
