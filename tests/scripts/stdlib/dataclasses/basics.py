# @dataclass: generated __init__/__repr__/__eq__, defaults, default_factory, fields().
from dataclasses import dataclass, field, fields, MISSING


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1)
print(p, Point(2, 3), p == Point(1, 0), p != Point(1, 1), p.x, p.y)
print([(f.name, f.type, f.default is MISSING) for f in fields(Point)])


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)


a, b = Inventory('a'), Inventory('b')
a.items.append(1)
print(a, b, a.items is b.items, a.count)


@dataclass
class Child(Point):
    z: int = 9


print(Child(1, 2, 3), Child(5), [f.name for f in fields(Child)])
print(Point.__eq__(p, 5), Point(1) == (1, 0))
