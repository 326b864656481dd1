# `a.x - b.x` (two attribute reads and an operator run as one instruction) and runs of
# arithmetic (`dx * dx + dy * dy`): every way the cache or a fast operator gives up
# must fall back to CPython's behaviour, also after the sites were warmed up.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def diff(a, b):
    return a.x - b.x


def dist2(a, b):
    dx = a.x - b.x
    dy = a.y - b.y
    return dx * dx + dy * dy


def mixed(a, b):
    return a.x * b.y + a.y * b.x - a.x


def warm(f, a, b, n=30):
    r = None
    for _ in range(n):
        r = f(a, b)
    return r


p, q = P(1.5, 2.0), P(0.25, -1.0)
print(warm(diff, p, q), warm(dist2, p, q), warm(mixed, p, q))
# ints, bools, big ints, int overflow into a big int, mixed int and float
print(warm(dist2, P(3, 4), P(0, 0)), warm(diff, P(True, 0), P(False, 0)))
print(warm(dist2, P(2**62, 1), P(-(2**62), 0)), warm(mixed, P(2**40, 3.5), P(7, 2**40)))
# strs and lists: the operators' general paths
print(warm(diff, P({1, 2}, 0), P({2}, 0)), warm(lambda a, b: a.x + b.x, P("ab", 2), P("c", 3)))


# an operand class with its own operators
class V:
    def __init__(self, v):
        self.v = v

    def __sub__(self, o):
        return V(self.v - o.v)

    def __mul__(self, o):
        return V(self.v * (o.v if isinstance(o, V) else o))

    def __add__(self, o):
        return V(self.v + o.v)

    def __rmul__(self, o):
        return V(o * self.v)

    def __repr__(self):
        return "V(%r)" % (self.v,)


print(warm(dist2, P(V(5), V(1)), P(V(2), V(3))))

# errors: a missing attribute on either side, an unsupported operand, a zero division
for args in [(P(1, 2), object()), (object(), P(1, 2)), (P(None, 1), P(1, 1))]:
    try:
        warm(dist2, *args, n=1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

# hooks added to the class after the sites were warmed up
warm(dist2, p, q)
P.x = property(lambda self: 10.0)
print(dist2(p, q), diff(p, q))
del P.x
print(dist2(p, q), diff(p, q))
P.__getattr__ = lambda self, name: 100
del q.y
print(dist2(p, q), mixed(p, q))
del P.__getattr__
try:
    dist2(p, q)
except AttributeError as e:
    print("AttributeError", e)
q.y = -1.0
P.__getattribute__ = lambda self, name: 7 if name == "x" else object.__getattribute__(self, name)
print(dist2(p, q), diff(p, q))
del P.__getattribute__
print(warm(dist2, p, q))


# a class attribute shadowed by the instance after warming up with the class's
class C:
    x = 1.0
    y = 2.0


c1, c2 = C(), C()
print(warm(dist2, c1, c2))
c1.x = 5.0
print(dist2(c1, c2))
C.y = 10.0
print(dist2(c1, c2), mixed(c1, c2))


# slots, `__class__` and `__dict__` assignment, `del` between reads
class S:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


print(warm(dist2, S(1.0, 1.0), S(0.0, 0.0)), warm(dist2, p, S(0.5, 0.5)))


class Q:
    def __init__(self, x, y):
        self.x = x
        self.y = y


r = P(4.0, 4.0)
print(warm(dist2, r, q))
r.__class__ = Q
print(dist2(r, q), diff(r, q))
r.__dict__ = {"x": 1.0, "y": 1.0}
print(dist2(r, q))
del r.x
try:
    dist2(r, q)
except AttributeError as e:
    print("AttributeError", e)


# an operand whose `__mul__` changes the objects in between
class Sneaky:
    def __init__(self, target):
        self.target = target

    def __sub__(self, o):
        self.target.y = 1000
        return 1

    def __mul__(self, o):
        return 2


t = P(0.0, 0.0)
print(dist2(P(Sneaky(t), 3.0), t), t.y)

# several classes at one site
objs = [P(1.0, 2.0), Q(3, 4), C(), S(5.5, 6.5)]
for i in range(len(objs)):
    for j in range(len(objs)):
        print(dist2(objs[i], objs[j]), end=" ")
print()


# runs of arithmetic on locals: overflow, floats, mixed, a failing operator mid-run
def poly(x, y):
    return x * x + y * y - x * y


for x, y in [(3, 4), (2**40, 2**40), (1.5, -2.0), (2, 0.5), (True, 3), ("a", 2)]:
    print(poly(x, y) if not isinstance(x, str) else (x * y + x * y))
try:
    poly([1], 2)
except TypeError as e:
    print("TypeError", e)
