# A metaclass's __prepare__ is called with the class name, bases and keywords, and the
# namespace it returns is the one the class body fills and the metaclass receives.
import collections


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, bases, kw)
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=1):
    x = injected + 1


print(A.injected, A.x)


class OM(type):
    def __prepare__(name, bases):
        return collections.OrderedDict()

    def __new__(m, name, bases, ns):
        print(type(ns).__name__, list(ns))
        return type.__new__(m, name, bases, dict(ns))


class B(metaclass=OM):
    b = 2
    a = 1


print(B.a, B.b)


class Recorder(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)


class RM(type):
    def __prepare__(name, bases):
        return Recorder()


class C(metaclass=RM):
    z = 3

    def f(self):
        return 1


print(C.z, C().f())


class Sub(A):
    y = 5


print(Sub.y, Sub.injected, type(Sub).__name__)
print(type(type.__prepare__("X", ())).__name__, type.__prepare__("X", ()))


class Super(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        ns = super().__prepare__(name, bases)
        ns["marker"] = name.lower()
        return ns


class D(metaclass=Super):
    pass


print(D.marker)


class BadMeta(type):
    def __prepare__(name, bases):
        return 5


try:
    class E(metaclass=BadMeta):
        pass
except TypeError as e:
    print("TypeError", e)
