# Enum members: repr/str/format, name/value, lookup by value and name, aliases, iteration.
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    SCARLET = 1


print(Color.RED, repr(Color.GREEN), f'{Color.BLUE}', '{}'.format(Color.RED))
print(Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.SCARLET is Color.RED)
print(list(Color), len(Color), Color.RED in Color, Color)
print(list(Color.__members__), Color.__members__['SCARLET'])
print(type(Color.RED), isinstance(Color.GREEN, Color), Color.RED == Color.RED, Color.RED == 1)
print(Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED), {Color.RED: 'r'}[Color.RED])
for bad in [lambda: Color(9), lambda: Color['PINK']]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
