# A class's own __dict__: __module__ and __doc__ (None when absent), no __qualname__ entry.
class P:
    """doc"""
    x = 1

    def m(self):
        pass


class Q(P):
    pass


class R:
    x = 1


for cls in (P, Q, R):
    keys = [k for k in cls.__dict__ if k not in ("__dict__", "__weakref__")]
    print(cls.__name__, keys, cls.__doc__, cls.__qualname__)


class Outer:
    class Inner:
        pass


print(Outer.Inner.__qualname__, "__qualname__" in Outer.Inner.__dict__)
try:
    class Bad:
        __qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
