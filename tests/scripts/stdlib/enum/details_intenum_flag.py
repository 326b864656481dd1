# Enum details: IntEnum members have int's fields (real, numerator) and formatting, Flag
# aliases, negation and invalid values, StrEnum, functional API, extending, mixin methods.
from enum import Enum, IntEnum, Flag, auto, StrEnum
class C(Enum):
    R = 1
    G = 2
print(C.R.__class__, type(C), C.__name__, C(1) is C.R, C.R == C.R, C.R != C.G, C.R < C.G if False else "")
try:
    C.R < C.G
except TypeError as e:
    print(e)
print(list(C.__members__.items()), C._member_names_, C._value2member_map_ if False else "")
class S(StrEnum):
    A = auto()
    B = "bee"
print(S.A, S.B, S.A == "a", repr(S.A), f"{S.B}", S("bee"), S.A.upper())
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE + N.TWO, N(2), N.ONE | 4, [n for n in N], N.TWO.real, format(N.ONE, "03d"), hex(N.TWO), N["ONE"])
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B
print(F.AB, F.A | F.C, ~F.A, F.AB & F.B, list(F), F(0), repr(F(0)), F.A in F.AB, len(F))
print(F.AB.name, (F.A | F.C).name, F(7))
try:
    F(16)
except ValueError as e:
    print(e)
Dyn = Enum("Dyn", {"X": 10, "Y": 20})
print(Dyn.X, Dyn(20), Dyn.__members__.keys())
print(C.R.name, C["G"].value, getattr(C, "R"), C.R in C, 1 in [m.value for m in C])
class Rich(Enum):
    A = 1
    def __str__(self): return "rich " + self.name
    @property
    def double(self): return self.value * 2
print(str(Rich.A), f"{Rich.A}", Rich.A.double, repr(Rich.A))
try:
    class Ext(C):
        B = 3
except TypeError as e:
    print(e)
class Base(Enum):
    def hello(self): return "hi " + self.name
class Child(Base):
    K = 1
print(Child.K.hello(), isinstance(Child.K, Base))
print(C.R.__hash__() == hash(C.R), sorted(C, key=lambda m: -m.value), max(N), dict.fromkeys(C))
class I(int): pass
class Fl(float): pass
print(I(3).real, type(I(3).real).__name__, I(3).imag, I(4).numerator, I(4).denominator, Fl(2.5).real, Fl(2.5).imag)
