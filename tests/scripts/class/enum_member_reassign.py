# Enum members cannot be reassigned or deleted through the class; other class attributes
# can.
from enum import Enum, IntEnum
class Color(Enum):
    RED = 1
    GREEN = 2
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    del Color.GREEN
except AttributeError as e:
    print(e)
Color.extra = "fine"
print(Color.extra, Color.RED, type(Color.RED).__name__, list(Color))
class N(IntEnum):
    ONE = 1
try:
    N.ONE = 2
except AttributeError as e:
    print(e)
print(N.ONE + 1, [m.name for m in N])
