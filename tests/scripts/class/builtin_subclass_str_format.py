# str()/format()/f-strings of builtin-type subclasses that override __repr__ or __str__,
# the repr of __slots__ member descriptors, and three-argument pow() on script classes.


class S(str):
    def __repr__(self):
        return "S-repr"


class I(int):
    def __repr__(self):
        return "I-repr"


class F(float):
    def __repr__(self):
        return "F-repr"


class IS(int):
    def __str__(self):
        return "IS-str"


class L(list):
    def __repr__(self):
        return "L-repr"


class E(Exception):
    def __repr__(self):
        return "E-repr"


for v in [S("x"), I(3), F(2.5), IS(4), L([1]), E("msg")]:
    print(str(v), repr(v), f"{v}", f"{v!r}", "%s" % (v,), [v], format(v, ""), f"{v!s:>8}")
print(format(I(3), "04d"), format(F(2.5), ".2f"), f"{S('ab'):>4}")


class BadRepr:
    def __repr__(self):
        return 1


for f in (repr, str):
    try:
        f(BadRepr())
    except TypeError as e:
        print(f.__name__, "TypeError:", e)


class Slotted:
    __slots__ = ("a", "b")


print(Slotted.a, Slotted.b.__name__, type(Slotted.a).__name__)


class Modular:
    def __init__(self, v):
        self.v = v

    def __pow__(self, e, m=None):
        return ("pow", self.v, e, m)

    def __rpow__(self, other):
        return ("rpow", other)


class OnlyTwo:
    def __pow__(self, e):
        return "two"


print(pow(Modular(2), 3, 5), pow(Modular(2), 3), 2 ** Modular(1), pow(2, Modular(1)))
for args in [(OnlyTwo(), 2, 3), (2, Modular(1), 3), (2, 3, Modular(1)), (2.0, 3, 5), (2, "a", 3)]:
    try:
        print(pow(*args))
    except TypeError as e:
        print("TypeError:", e)
