# Flag members combined from auto() members in the class body (WHITE = RED | GREEN | BLUE).
from enum import Flag, IntFlag, auto
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    YELLOW = RED | GREEN
print(Color.WHITE, repr(Color.WHITE), list(Color), Color.YELLOW.value, Color.WHITE.value)
print(Color.RED | Color.BLUE, repr(Color(6)), Color.WHITE & ~Color.RED, Color.YELLOW in Color.WHITE)
class Perm(IntFlag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = RW | X
print(Perm.RW, Perm.ALL, int(Perm.ALL), list(Perm), Perm.ALL.name)
class Explicit(Flag):
    NONE = 0
    A = 1
    B = 2
    AB = 3
    C = 4
print(list(Explicit), len(Explicit), list(Explicit.__members__), list(reversed(Explicit)))
print(Explicit.AB, Explicit(3), Explicit.NONE, Explicit(5), Explicit.AB in Explicit.__members__.values())
class Perm2(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm2.R | Perm2.W, repr(Perm2(7)), list(Perm2), list(Perm2(6)), repr(Perm2(3)))
class Desc(Flag):
    HIGH = 4
    LOW = 1
print(repr(Desc(5)), list(Desc(5)), list(Desc))
