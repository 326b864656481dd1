# `obj.__class__ = X`: CPython's rules (script classes with the same layout only) and errors.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class Slotted:
    __slots__ = ("x",)


class Slotted2:
    __slots__ = ("x",)


class MyList(list):
    def who(self):
        return "MyList"


class MyList2(list):
    def who(self):
        return "MyList2"


class Err(Exception):
    pass


class Err2(Exception):
    pass


a = A()
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B), isinstance(a, A), a.__class__ is B)
s = Slotted()
s.x = 5
s.__class__ = Slotted2
print(type(s).__name__, s.x)
m = MyList([1, 2])
m.__class__ = MyList2
print(m.who(), m, len(m))
e = Err("boom")
e.__class__ = Err2
print(type(e).__name__, e.args)
for obj, target in [(a, 5), (a, int), (a, Slotted), (s, A), (m, A), (1, B), ([], MyList), (a, MyList)]:
    try:
        obj.__class__ = target
        print("assigned", type(obj).__name__)
    except TypeError as exc:
        print("TypeError", exc)
try:
    del a.__class__
except TypeError as exc:
    print("TypeError", exc)


class Base:
    def __init__(self):
        self.v = 1

    def get(self):
        return "base", self.v


class Derived(Base):
    def get(self):
        return "derived", self.v


objs = [Base() for _ in range(3)]
for o in objs:
    o.get()
objs[1].__class__ = Derived
print([o.get() for o in objs], [type(o).__name__ for o in objs])


class Setter:
    def __setattr__(self, name, value):
        print("setattr", name)
        object.__setattr__(self, name, value)


t = Setter()
t.__class__ = A
print(type(t).__name__)
