# __slots__ restricts instance attributes and removes __dict__.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
p.y = 2
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
q = P(5)
try:
    q.y
except AttributeError as e:
    print(e)
del p.y
print(hasattr(p, "y"))
class Child(P):
    pass
ch = Child(1)
ch.free = "ok"
print(ch.free, hasattr(ch, "__dict__"))
class Child2(P):
    __slots__ = ("z",)
c2 = Child2(0)
c2.z = 9
print(c2.x, c2.z)
try:
    c2.w = 1
except AttributeError as e:
    print(e)
print(P.__slots__, "x" in dir(P))
