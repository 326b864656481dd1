# Class patterns: keyword attributes, positional via __match_args__, self-matching builtins.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Plain:
    def __init__(self):
        self.a = 1


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=zz):
            return f"3d {x} {y} {zz}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point():
            return "elsewhere"
        case Plain(a=1):
            return "plain with a=1"
        case Plain(missing=1):
            return "never"
    return "unknown"


for p in [Point3(0, 0, 0), Point3(1, 2, 3), Point(0, 0), Point(0, 5), Point(7, 0), Point(1, 1), Plain(), 3]:
    print(where(p))


def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0):
            return "int zero"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": k}):
            return f"dict k={k}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
    return "other"


for v in [True, 0, 5, 1.5, "s", b"b", [9, 8], (1,), {"k": 2}, {1, 2}, frozenset([1]), None, []]:
    print(repr(v), "->", kind(v))


class MyInt(int):
    pass


match MyInt(4):
    case int(n):
        print("int subclass matches itself:", n)


class Prop:
    @property
    def value(self):
        return "from property"


match Prop():
    case Prop(value=v):
        print(v)
