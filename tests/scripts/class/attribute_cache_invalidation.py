# The same attribute and method sites see different classes, instance dicts that change
# shape, and classes that change after the first access: every result must follow.
class A:
    def __init__(self, x):
        self.x = x

    def get(self):
        return "A.get", self.x


class B:
    def __init__(self, x):
        self.y = 0
        self.x = x

    def get(self):
        return "B.get", self.x


def read(o):
    return o.x


def call(o):
    return o.get()


def bump(o):
    o.x += 1
    return o.x


objs = [A(1), B(2), A(3), B(4)]
for _ in range(3):
    print([read(o) for o in objs], [call(o) for o in objs], [bump(o) for o in objs])

# Instance dict changes shape: delete and re-add moves the entry.
a = A(10)
print(read(a))
del a.x
a.z = 5
a.x = 11
print(read(a), a.__dict__)
a.__dict__.clear()
try:
    read(a)
except AttributeError as e:
    print("AttributeError:", e)
a.__dict__["x"] = 12
print(read(a), bump(a))

# A method shadowed by an instance attribute, then unshadowed.
a.get = lambda: "instance get"
print(call(a))
del a.get
print(call(a))

# The class changes after the sites were warmed up.
A.get = lambda self: ("new A.get", self.x)
print(call(a))


def prop_x(self):
    return "property x"


A.x = property(prop_x)
def store(o, v):
    o.x = v


print(read(a))
try:
    store(a, 1)
except AttributeError as e:
    print("AttributeError:", e)
del A.x
print(read(a))


class WithGetattr(A):
    pass


w = WithGetattr(20)
print(read(w), call(w))
WithGetattr.__getattribute__ = lambda self, n: "intercepted " + n
print(read(w))
del WithGetattr.__getattribute__
print(read(w))

# Same name on a subclass overriding the method; bases changing their methods.
class Base:
    def who(self):
        return "Base"


class Child(Base):
    pass


def who(o):
    return o.who()


c = Child()
print(who(c), who(Base()))
Child.who = lambda self: "Child"
print(who(c), who(Base()))
del Child.who
Base.who = lambda self: "Base2"
print(who(c), who(Base()))

# Slots and data descriptors are never served from the instance dict.
class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


s = S(7)
print(read(s), bump(s), read(s))
