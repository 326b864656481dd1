# order=True comparisons, frozen instances, hashing.
from dataclasses import dataclass, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5))


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float


c = Coord(1.5, 2.5)
try:
    c.lat = 0
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
try:
    del c.lon
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(hash(c) == hash(Coord(1.5, 2.5)), {c: 'here'}[Coord(1.5, 2.5)], isinstance(FrozenInstanceError(), AttributeError))


@dataclass
class Plain:
    v: int


print(Plain.__hash__ is None)
try:
    Version(1) < 3
except TypeError as e:
    print('TypeError', e)
