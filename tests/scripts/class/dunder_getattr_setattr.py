# __getattr__ (fallback only), __getattribute__, __setattr__, __delattr__.
class Lazy:
    existing = "class attr"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
l = Lazy()
l.real = 1
print(l.existing, l.real, l.auto_thing, getattr(l, "auto_x"), hasattr(l, "nope"))
try:
    l.nope
except AttributeError as e:
    print(e)
class Guard:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("private")
        print("  setting", name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("  deleting", name)
        object.__delattr__(self, name)
g = Guard()
g.a = 1
try:
    g._b = 2
except AttributeError as e:
    print(e)
del g.a
print(vars(g))
class Spy:
    def __init__(self):
        self.x = 5
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("  get", name)
        return object.__getattribute__(self, name)
s = Spy()
print(s.x)
