# Single inheritance, overriding, calling base implementations.
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name} with {self.sides} sides, area {self.area()}"
    def area(self):
        return 0
class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Tri(Shape):
    sides = 3
for s in [Shape("blob"), Rect(2, 3), Square(4), Tri("tri")]:
    print(s.describe())
sq = Square(2)
print(isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Tri), type(sq).__name__)
print(Square.__bases__[0].__name__, Shape.__bases__[0].__name__, Square.__base__.__name__)
print(Rect.area(sq), Shape.area(sq), Shape.describe(sq))
