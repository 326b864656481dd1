# Annotations are stored but never enforced.
def area(w: float, h: float = 1.0, *, unit: str = "m") -> str:
    return f"{w * h}{unit}2"
print(area(3, 4), area("ab", 2, unit="!"))
print(area.__annotations__)
def bare(x, y: "a string annotation"):
    return x
print(bare.__annotations__, bare(1, 2))
count: int = 5
label: str
print(count, __annotations__)
class Point:
    x: int
    y: int = 0
print(Point.__annotations__, Point.y, hasattr(Point, "x"))
