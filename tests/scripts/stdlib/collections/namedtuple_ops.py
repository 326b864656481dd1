# namedtuple: construction, fields, defaults, _make/_asdict/_replace, repr, tuple behaviour.
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x, p.y, p[0], len(p), tuple(p), p == (3, 4))
x, y = p
print(x + y, Point._fields, p._asdict())
print(p._replace(y=10), Point._make([7, 8]), Point(y=1, x=2))
Color = namedtuple('Color', 'red green blue', defaults=[0, 255])
print(Color(1), Color(1, 2), Color._field_defaults)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(hash(Point(1, 2)) == hash((1, 2)), isinstance(p, tuple), type(p).__name__)
print('%s and %s' % Point('a', 'b'))
Rec = namedtuple('Rec', 'a, b, c')
print(Rec(1, 2, 3), Rec._fields)
R2 = namedtuple('R2', ['ok', 'def', 'ok', '_x'], rename=True)
print(R2._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: p._replace(z=1), lambda: namedtuple('T', ['a', 'a']),
            lambda: namedtuple('T', ['class']), lambda: Point._make([1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Vec(namedtuple('Vec', 'x y')):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


print(Vec(1, 2) + Vec(3, 4))
