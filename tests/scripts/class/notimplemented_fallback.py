# NotImplemented triggers the reflected operation; subclass reflected ops go first.
class A:
    def __add__(self, o):
        print("  A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("  A.__radd__")
        return "A-radd"
    def __eq__(self, o):
        print("  A.__eq__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("  B.__radd__")
        return "B-radd"
    def __eq__(self, o):
        print("  B.__eq__")
        return NotImplemented
print(A() + B())
print(1 + A())
try:
    A() + A()
except TypeError as e:
    print(e)
print(A() == B())
a = A()
print(a == a)
class Base:
    def __add__(self, o):
        print("  Base.__add__")
        return "base"
class Sub(Base):
    def __radd__(self, o):
        print("  Sub.__radd__")
        return "sub"
print(Base() + Sub())
print(Sub() + Base())
class Num:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        return NotImplemented
    def __gt__(self, o):
        print("  reflected __gt__")
        return self.v > o.v
print(Num(1) < Num(2))
