# callable(), vars() and dir() on a simple class.
class Widget:
    size = 3
    def __init__(self):
        self.color = "red"
        self._hidden = True
    def resize(self, n):
        self.size = n
    @property
    def area(self):
        return self.size ** 2
    @staticmethod
    def helper():
        pass
w = Widget()
print(callable(w), callable(Widget), callable(w.resize), callable(print), callable(lambda: 0), callable(None), callable("s"))
print(vars(w))
print([n for n in dir(w) if not n.startswith("__")])
print([n for n in dir(Widget) if not n.startswith("_")])
print("color" in dir(w), "color" in dir(Widget), "__init__" in dir(w))
w.resize(5)
print(vars(w), w.area)
print(sorted(k for k in vars(Widget) if not k.startswith("__")))
print([n for n in dir([]) if not n.startswith("_")])
