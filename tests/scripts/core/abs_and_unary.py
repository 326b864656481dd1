# abs() on int, float, bool, big int and a custom type.
print(abs(-5), abs(5), abs(0), abs(-0.0), abs(-3.25), abs(True), abs(False))
print(abs(-(2 ** 100)), abs(-9223372036854775808), abs(float("-inf")))
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return Vec(self.x, self.y)
    def __invert__(self):
        return Vec(self.y, self.x)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(3, 4)
print(abs(v), -v, +v, ~v)
try:
    abs("x")
except TypeError as e:
    print(e)
try:
    -"x"
except TypeError as e:
    print(e)
try:
    ~1.5
except TypeError as e:
    print(e)
