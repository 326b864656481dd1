# Enum members with a mixed-in data type: str/repr/format as CPython 3.11 gives them.
import enum
class C(enum.IntEnum):
    A = 1
    B = 2
class S(str, enum.Enum):
    X = 'x'
class St(enum.StrEnum):
    P = enum.auto()
    Q = enum.auto()
class Fl(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
class Au(enum.Enum):
    ONE = enum.auto()
    TWO = enum.auto()
    @property
    def lower(self): return self.name.lower()
print(C.A, repr(C.A), f'{C.A}', str(C.B), C.A + 1, C(2), C['B'], C.A == 1, list(C), len(C))
print(S.X, repr(S.X), f'{S.X}', S.X == 'x', S('x'))
print(St.P, repr(St.Q), f'{St.P}', St.P == 'p', St.P.upper())
print(Fl.R | Fl.W, repr(Fl.R | Fl.X), Fl.R in (Fl.R | Fl.W), ~Fl.R, Fl(0), list(Fl.R | Fl.W), bool(Fl(0)))
print(Au.ONE, Au.TWO.value, Au.ONE.lower, Au.ONE.name, [m.name for m in Au], Au.__members__.keys())
try:
    C(5)
except ValueError as e:
    print(e)
try:
    Au['THREE']
except KeyError as e:
    print(repr(e))
@enum.unique
class U(enum.Enum):
    a = 1
    b = 2
print(U.a is U(1), hash(U.a) == hash(U.a), {U.a: 1}[U.a], U.a < U.b if False else 'cmp-skip')
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
print(format(C.A, 'd'), '{:>5}'.format(C.A), '%s %d' % (C.A, C.A))
