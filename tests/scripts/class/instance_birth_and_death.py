# Instances made by `cls(...)` and dropped, as the construction fast path (the class borrowed
# from its register) and the kept-instance dict clear (keys and values released by kind) see
# them: finalizer order, weak references, held dicts, odd constructors, reuse across classes.
import gc
import types
import weakref


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# Many instances made and dropped: a dead one's attributes never show on the next.
for i in range(5):
    p = P(i, float(i) / 2)
    print(vars(p), hasattr(p, "z"))
    p.z = "extra"
q = P(1, 2)
print(vars(q), hasattr(q, "z"))

# Attributes stored in another order, and fewer of them.
class Q:
    def __init__(self, flip):
        if flip:
            self.b = 2
            self.a = 1
        else:
            self.a = 1
            self.b = 2
            self.c = 3


for flip in (False, True, False, True):
    print(list(Q(flip).__dict__.items()))


# Reuse across classes: a dead P never becomes a Q.
a = P(1, 2)
del a
b = Q(True)
print(type(b).__name__, vars(b))


# `del o.x`, `__dict__.update` and `vars()` on fresh instances.
o = P("s", 3.5)
del o.x
print(vars(o))
o.__dict__.update({"x": 10, "w": [1, 2]})
print(sorted(vars(o).items()))
del o
print(vars(P(0, 0)))


# A dict the script holds outlives its instance, and keeps its values.
h = P(1.5, "two")
d = h.__dict__
del h
print(d)
n = P(3, 4)
print(d, vars(n))


# `__del__` order: the values of a dying instance's dict are released in insertion order.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Holder:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


Holder(Noisy("first"), Noisy("second"), Noisy("third"))
print("after holder")
x = Holder(1, Noisy("only"), 2.5)
x = None
print("after second holder")


# `__del__` on the instance itself, and resurrection.
saved = []


class Phoenix:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("phoenix del", self.v)
        saved.append(self)


Phoenix(1)
print(len(saved), saved[0].v)
r = saved.pop()
print(r.v)
del r
print(len(saved))
saved.clear()


# Weak references to instances: callbacks and dead references.
class W:
    def __init__(self, v):
        self.v = v


def value_of(r):
    # The referent read in a frame of its own: nothing of it stays in a temporary here.
    return r().v


w = W(5)
ref = weakref.ref(w, lambda r: print("callback, dead:", r() is None))
print(value_of(ref))
del w
print(ref())
fresh = W(6)
print(ref(), fresh.v)


# `__slots__`.
class S:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


for i in range(3):
    s = S(i, -i)
    print(s.x, s.y, hasattr(s, "__dict__"))


# A class with `__new__`, and a metaclass `__call__`.
class N:
    def __new__(cls, v):
        print("new", v)
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(N(1).v, N(2).v)


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print(M(7).v)


# `__init__` raising half way, and returning a value.
class Bad:
    def __init__(self, v):
        self.v = v
        if v < 0:
            raise ValueError("negative")
        self.w = v * 2


for v in (1, -1, 2):
    try:
        print(vars(Bad(v)))
    except ValueError as e:
        print("error", e)


class Returns:
    def __init__(self):
        return 1


try:
    Returns()
except TypeError as e:
    print(e)


# Subclasses of builtins.
class MyList(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag


class MyInt(int):
    pass


for i in range(2):
    ml = MyList([i, i + 1], "t%d" % i)
    print(ml, ml.tag, MyInt(i) + 1)


# A class with no `__init__`, called with no arguments and with one (an error).
class Empty:
    pass


e1 = Empty()
e1.q = 1
del e1
print(vars(Empty()))
try:
    Empty(1)
except TypeError as e:
    print(e)


# A class called through a bound method, with keywords, and with `*args`.
class K:
    def __init__(self, a, b=0):
        self.a = a
        self.b = b


bound = types.MethodType(K, 9)
print(vars(bound()), vars(bound(b=3)))
print(vars(K(1, b=2)), vars(K(*(4, 5))))


# A class whose `__init__` changes while instances are made and dropped.
class Ch:
    def __init__(self, v):
        self.v = v


print(vars(Ch(1)))
Ch.__init__ = lambda self, v: setattr(self, "w", v)
print(vars(Ch(2)))
del Ch.__init__
print(vars(Ch()))


# Cycles through instances are collected, with their finalizers.
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("node del", self.name)


n1 = Node("n1")
n2 = Node("n2")
n1.other = n2
n2.other = n1
del n1, n2
gc.collect()
print("collected")
print(vars(Node("n3") and P(7, 8)))
print("end")
