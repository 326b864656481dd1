# A __slots__ name that is also a class variable is a ValueError at class creation (the
# private name shown mangled); other slots still work.
try:
    class Conflict:
        __slots__ = ("y",)
        y = 5
except ValueError as e:
    print(e)
try:
    class Private:
        __slots__ = ("__x",)
        _Private__x = 1
except ValueError as e:
    print(e)
class Fine:
    __slots__ = ("a", "b")
    c = 3
f = Fine()
f.a = 1
print(f.a, Fine.c, type(Fine.__dict__["a"]).__name__)
