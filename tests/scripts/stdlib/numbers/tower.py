import numbers
from fractions import Fraction

abcs = [numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral]
for value in [7, True, 2.5, float("inf"), Fraction(3, 4), "7", None, [1], b"1"]:
    print(repr(value), [isinstance(value, c) for c in abcs])
for cls in [int, bool, float, Fraction, str, object]:
    print(cls.__name__, [issubclass(cls, c) for c in abcs])
print([c.__name__ for c in numbers.Integral.__mro__])
print(sorted(numbers.__all__))
print(numbers.Number.__hash__)
for c in abcs:
    print(c.__name__, sorted(c.__abstractmethods__))
    try:
        c()
    except TypeError as e:
        print(" ", str(e)[:60])


class Meters(numbers.Real):
    """A concrete Real: numbers' mixin methods come for free."""

    def __init__(self, v):
        self.v = float(v)

    def __float__(self): return self.v
    def __trunc__(self): return int(self.v)
    def __floor__(self): return int(self.v // 1)
    def __ceil__(self): return -int(-self.v // 1)
    def __round__(self, ndigits=None): return round(self.v, ndigits)
    def __floordiv__(self, o): return Meters(self.v // float(o))
    def __rfloordiv__(self, o): return Meters(float(o) // self.v)
    def __mod__(self, o): return Meters(self.v % float(o))
    def __rmod__(self, o): return Meters(float(o) % self.v)
    def __lt__(self, o): return self.v < float(o)
    def __le__(self, o): return self.v <= float(o)
    def __add__(self, o): return Meters(self.v + float(o))
    def __radd__(self, o): return Meters(float(o) + self.v)
    def __neg__(self): return Meters(-self.v)
    def __pos__(self): return Meters(self.v)
    def __mul__(self, o): return Meters(self.v * float(o))
    def __rmul__(self, o): return Meters(float(o) * self.v)
    def __truediv__(self, o): return Meters(self.v / float(o))
    def __rtruediv__(self, o): return Meters(float(o) / self.v)
    def __pow__(self, o): return Meters(self.v ** float(o))
    def __rpow__(self, o): return Meters(float(o) ** self.v)
    def __abs__(self): return Meters(abs(self.v))
    def __eq__(self, o): return self.v == float(o)
    __hash__ = object.__hash__
    def __repr__(self): return f"Meters({self.v})"


m = Meters(7.5)
print(isinstance(m, numbers.Real), isinstance(m, numbers.Rational))
print(m - 2, 10 - m, divmod(m, 2), divmod(20, m), m.real, m.imag, m.conjugate(), bool(m), bool(Meters(0)))


class Count(numbers.Integral):
    pass


try:
    Count()
except TypeError as e:
    print(str(e)[:70])
numbers.Integral.register(Count)
print(issubclass(Count, numbers.Number))


class Third(numbers.Rational):
    numerator = 1
    denominator = 3


import types
print(Third.__abstractmethods__ >= {"__add__"}, numbers.Rational.__float__(types.SimpleNamespace(numerator=1, denominator=3)))
print(numbers.Integral.numerator.fget(5), numbers.Integral.denominator.fget(5), numbers.Integral.__float__(5), numbers.Integral.__index__(6))
