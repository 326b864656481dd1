# __class__, __name__, __qualname__, __module__, __dict__ and vars().
class Outer:
    class Inner:
        pass
    def __init__(self):
        self.a = 1
        self.b = [2]
o = Outer()
print(o.__class__ is Outer, o.__class__.__name__, Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.__module__, o.__dict__, vars(o) is o.__dict__)
o.__dict__["c"] = 3
print(o.c, sorted(vars(o)))
print([k for k in Outer.__dict__ if not k.startswith("__")], "Inner" in vars(Outer))
print(type(Outer.__dict__).__name__)
try:
    vars(5)
except TypeError as e:
    print(e)
class Switch:
    def kind(self): return "switch"
class Other:
    def kind(self): return "other"
s = Switch()
s.__class__ = Other
print(s.kind(), type(s).__name__)
