# `obj.x += v` and `obj.x -= v` (the quickened in-place operator that stores its result
# through the attribute cache): warmed-up sites with int, float, bool and big results, and
# every way the store must instead go through the general `SetAttr`.


class P:
    def __init__(self):
        self.x = 0
        self.f = 0.5


def bump(objs, n):
    for _ in range(n):
        for o in objs:
            o.x += 1
            o.f -= 0.25
    return [(o.x, o.f) for o in objs]


ps = [P(), P()]
print(bump(ps, 5))

# A result that overflows a machine int.
p = P()
p.x = 2**62
for _ in range(3):
    p.x += 2**62
print(p.x)

# A bool operand: True + 1 is an int.
p.x = True
p.x += 1
print(p.x, type(p.x).__name__)

# Non-scalar results: the general path.
p.x = "a"
for _ in range(3):
    p.x += "b"
print(p.x)
p.x = [1]
p.x += [2]
print(p.x)


# The right-hand side replaces or deletes the attribute after it was read.
class Q:
    def __init__(self):
        self.n = 10

    def swap(self):
        self.n = [9]
        return 1

    def drop(self):
        del self.n
        return 2


q = Q()
for _ in range(3):
    q.n = 10
    q.n += q.swap()
    print(q.n)
for _ in range(3):
    q.n = 10
    q.n -= q.drop()
    print(q.n, vars(q))


# `__setattr__` and a property added after the site was warmed up.
class R:
    def __init__(self):
        self.v = 0


def inc(r):
    r.v += 1
    r.v -= 3
    return r.v


r = R()
for _ in range(4):
    inc(r)
print(r.v)


def loud(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


R.__setattr__ = loud
print(inc(r))
del R.__setattr__
print(inc(r))
R.v = property(lambda self: self.__dict__["v"] * 10, lambda self, val: print("set", val))
print(inc(r), r.__dict__)


# Slotted instances and a local variable stored right after its own `+=`.
class S:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1.0


s = S()
for _ in range(3):
    s.a += 2.5
    s.a -= 0.5
print(s.a)


def local_then_store(o):
    t = 1
    for _ in range(3):
        t += 2
        o.x = t
    return t, o.x


print(local_then_store(P()))


# Errors raised by the operator leave the attribute unchanged.
p = P()
p.x = 1
try:
    p.x += "s"
except TypeError as e:
    print("TypeError:", e)
print(p.x)
