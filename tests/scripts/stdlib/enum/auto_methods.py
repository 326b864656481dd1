# auto values, methods and properties on enums, tuple values with __init__, unique.
from enum import Enum, auto, unique


class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()

    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]

    @property
    def short(self):
        return self.name[:2].title()

    @classmethod
    def first(cls):
        return cls.MON


print([d.value for d in Weekday], Weekday.WED.next(), Weekday.TUE.short, Weekday.first())


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), repr(Planet.MERCURY))
try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print('ValueError', e)


@unique
class Fine(Enum):
    A = 'a'
    B = 'b'


print(list(Fine), Fine('b'))
