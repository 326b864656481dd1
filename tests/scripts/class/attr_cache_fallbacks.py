# Attribute and method sites warmed up on plain instances, then faced with everything that
# must bypass or invalidate an instance attribute cache: hooks and descriptors added to the
# class later, vars()/__dict__ mutation, setattr with odd names,
# different attribute orders, many classes at one site, inheritance (`__class__` assignment:
# class/class_assignment).


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def get_x(o):
    return o.x


def get_y(o):
    return o.y


def set_x(o, v):
    o.x = v


def inc_y(o):
    o.y += 1
    return o.y


def norm(o):
    return o.norm()


def warm(o):
    for _ in range(3):
        get_x(o)
        get_y(o)
        set_x(o, o.x)
        norm(o)


p = P(3, 4)
warm(p)
print(get_x(p), get_y(p), norm(p), inc_y(p))

# __getattr__ added after caching: only consulted for missing names.
P.__getattr__ = lambda self, name: "missing " + name
print(get_x(p), p.nothing)
del p.x
print(get_x(p))
set_x(p, 3)
print(get_x(p))
del P.__getattr__
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)

# __setattr__ added after caching intercepts every store, including cached store sites.
log = []


def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value * 10)


P.__setattr__ = logging_setattr
set_x(p, 5)
print(get_x(p), inc_y(p), log)
del P.__setattr__
set_x(p, 6)
print(get_x(p), log)

# __getattribute__ added after caching intercepts everything, methods included.
P.__getattribute__ = lambda self, name: "ga " + name
print(get_x(p), get_y(p))
try:
    norm(p)
except TypeError as e:
    print("TypeError:", e)
del P.__getattribute__
print(get_x(p), norm(p))

# A data descriptor (property) defined on the class after caching wins over the instance
# dict; a non-data descriptor does not.
P.y = property(lambda self: "prop y")
print(get_y(p), p.__dict__["y"])
try:
    inc_y(p)
except TypeError as e:
    print("TypeError:", e)
try:
    p.y = 5
except AttributeError as e:
    print("AttributeError:", e)
del P.y


class NonData:
    def __get__(self, obj, owner):
        return "nondata"


P.x = NonData()
print(get_x(p), get_y(p))
del p.x
print(get_x(p))
del P.x
set_x(p, 7)
print(get_x(p))

# A property on a base class added after caching applies to subclass instances.
class Q(P):
    pass


q = Q(1, 2)
warm(q)
print(get_x(q), norm(q))
P.x = property(lambda self: "base prop x", lambda self, v: log.append(("prop set", v)))
print(get_x(q), get_x(p))
set_x(q, 99)
print(q.__dict__, log[-1])
del P.x
print(get_x(q), get_x(p))

# An instance attribute that shadows a method, set through setattr and __dict__.
setattr(q, "norm", lambda: "shadowed by setattr")
print(norm(q))
del q.norm
print(norm(q))
q.__dict__["norm"] = lambda: "shadowed by __dict__"
print(norm(q))
del q.__dict__["norm"]
print(norm(q))

# vars() and __dict__ are live views: changes through them show at cached sites.
r = P(10, 20)
warm(r)
vars(r)["x"] = 11
print(get_x(r))
r.__dict__.update(x=12, y=21)
print(get_x(r), get_y(r))
d = r.__dict__
d.pop("x")
d["x"] = 13
print(get_x(r), list(d))
d.clear()
d.update({"y": 1, "x": 2})
print(get_x(r), get_y(r), list(vars(r)))
r.x = 3
print(d, r.__dict__ is d)

# setattr with names that are not identifiers, non-str keys in the instance dict.
setattr(r, "not an identifier", 1)
setattr(r, "x", 4)
r.__dict__[5] = "five"
print(get_x(r), getattr(r, "not an identifier"), r.__dict__)
del r.__dict__[5]
print(get_x(r), get_y(r), sorted(vars(r)))

# Instances of one class with different attribute orders, at the same sites.
class Loose:
    def norm(self):
        return self.x + self.y


a = Loose()
a.x, a.y = 1, 2
b = Loose()
b.y, b.x = 30, 40
c = Loose()
c.z = 0
c.y = 500
c.x = 600
objs = [a, b, c]
for _ in range(3):
    print([get_x(o) for o in objs], [get_y(o) for o in objs], [norm(o) for o in objs])
    for o in objs:
        set_x(o, get_x(o) + 1)
print([list(vars(o)) for o in objs])
del b.y
b.y = 31
print([get_y(o) for o in objs], list(vars(b)))

# Many classes at one site (more than any per-site cache keeps).
classes = []
for i in range(9):
    classes.append(type("K%d" % i, (), {"norm": lambda self, i=i: ("K", i, self.x)}))
insts = []
for i, k in enumerate(classes):
    o = k()
    o.x = i
    o.y = -i
    insts.append(o)
for _ in range(2):
    print([get_x(o) for o in insts], [norm(o) for o in insts])
    for o in insts:
        set_x(o, get_x(o) * 2)
print([inc_y(o) for o in insts])

# Class attribute mutation: a class attribute read through an instance, then shadowed.
class C:
    x = "class x"
    y = 0


i1 = C()
i2 = C()
for _ in range(3):
    get_x(i1)
print(get_x(i1), get_x(i2))
C.x = "class x 2"
print(get_x(i1), get_x(i2))
set_x(i1, "instance x")
print(get_x(i1), get_x(i2))
del C.x
print(get_x(i1))
try:
    get_x(i2)
except AttributeError as e:
    print("AttributeError:", e)
print(inc_y(i1), inc_y(i1), C.y, i1.__dict__)

# del through a cached site, then re-adding in another order.
class D:
    def __init__(self):
        self.x = 1
        self.y = 2


e = D()
for _ in range(3):
    get_x(e)
    get_y(e)
del e.x
try:
    get_x(e)
except AttributeError as exc:
    print("AttributeError:", exc)
e.x = "again"
print(get_x(e), get_y(e), list(vars(e)))
try:
    del e.x
    del e.x
except AttributeError as exc:
    print("AttributeError:", exc)

# Slotted and dict instances alternating at one site.
class Sl:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = "slot x"
        self.y = 0

    def norm(self):
        return "Sl.norm"


mixed = [Sl(), P(1, 1), Sl(), D()]
for _ in range(2):
    print([get_x(m) for m in mixed], [inc_y(m) for m in mixed])
try:
    Sl().z = 1
except AttributeError as exc:
    print("AttributeError:", exc)
print(hasattr(Sl(), "__dict__"))
