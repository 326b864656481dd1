# property with getter, setter, deleter, and read-only properties.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        print("  get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("  set", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("  delete")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__)
class Old:
    def _get(self): return "old-style"
    x = property(_get, doc="the x")
print(Old().x, Old.x.__doc__)
try:
    del Old().x
except AttributeError as e:
    print(e)
