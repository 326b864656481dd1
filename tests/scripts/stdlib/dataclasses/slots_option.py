# @dataclass(slots=True): the class gets __slots__ for its fields and no instance __dict__.
from dataclasses import dataclass, field, fields


@dataclass(slots=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Point(1)
print(p, Point.__slots__, [f.name for f in fields(Point)], p == Point(1), Point.__qualname__)
p.y = 5
print(p.y, hasattr(p, "__dict__"))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", type(e).__name__)


@dataclass(slots=True)
class Point3(Point):
    z: int = 9


print(Point3(1, 2, [], 3), Point3.__slots__)


@dataclass(slots=True, frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


v = Version(1, 2)
print(v, v < Version(1, 3), hash(v) == hash(Version(1, 2)), sorted([Version(2), Version(1, 5)]))
try:
    v.major = 3
except AttributeError as e:
    print(type(e).__name__, e)
