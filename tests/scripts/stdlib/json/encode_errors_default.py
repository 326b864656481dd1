# default= hook, JSONEncoder subclass, unserializable types, circular refs, allow_nan, skipkeys.
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError('nope')


print(json.dumps([Point(1, 2), {3, 1, 2}], default=encode_point))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({'p': Point(5, 6)}, cls=PointEncoder), PointEncoder(indent=1).encode([Point(0, 0)]))
for value in [Point(1, 1), {1, 2}, b'bytes', object]:
    try:
        json.dumps(value)
    except TypeError as e:
        print('TypeError', e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps({(1, 2): 'tuple key'})
except TypeError as e:
    print('TypeError', e)
print(json.dumps({(1, 2): 'x', 'k': 'v'}, skipkeys=True))
shared = [1]
print(json.dumps([shared, shared]))
