# The functional Enum API, lookups by value that do not re-run a member's __init__, and
# the errors for assigning a member's name or value.
import enum

Color = enum.Enum("Color", "RED GREEN BLUE")
print(list(Color), Color.GREEN.value, Color(3), Color["RED"], repr(Color))
Shape = enum.Enum("Shape", ["SQUARE", "CIRCLE"], start=10)
print(list(Shape))
Pairs = enum.Enum("Pairs", [("ONE", 1), ("TWO", 2)])
print(Pairs.TWO, Pairs(1))
Mapped = enum.Enum("Mapped", {"A": "a", "B": "b"})
print(Mapped("b"), Mapped.A.value)
Commas = enum.Enum("Commas", "x, y,z")
print([m.name for m in Commas])
Ints = enum.IntEnum("Ints", "LOW HIGH")
print(Ints.HIGH + 1, repr(Ints.LOW))
Bits = enum.Flag("Bits", "R W X")
print(Bits.R | Bits.X, [b.value for b in Bits])
Q = enum.Enum("Q", "A", qualname="Outer.Q")
print(Q.__qualname__, Q.A)


class Planet(enum.Enum):
    EARTH = (5.97, 6.37)
    MARS = (0.642, 3.39)

    def __init__(self, mass, radius):
        print("init", self.name, mass)
        self.mass = mass


print(Planet((0.642, 3.39)), Planet.EARTH.mass, Planet(Planet.MARS))
for what in ("name", "value"):
    try:
        setattr(Color.RED, what, 1)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        delattr(Color.RED, what)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    enum.Enum("Bad", "A B")("C", "D")
except TypeError as e:
    print("TypeError:", e)
