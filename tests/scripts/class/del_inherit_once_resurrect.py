# __del__ is inherited, runs at most once per object (PEP 442), may resurrect the object,
# and exceptions it raises are reported on stderr and never propagate.
saved = []


class Base:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Base.__del__", self.name)


class Child(Base):
    pass


class Override(Base):
    def __del__(self):
        print("Override.__del__", self.name)
        super().__del__()


Child("child")
print("after child")
Override("override")
print("after override")


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Phoenix.__del__", self.name)
        saved.append(self)


p = Phoenix("p")
del p
print("saved", [s.name for s in saved])
saved.clear()
print("cleared, no second __del__")


class Bad:
    def __del__(self):
        print("Bad.__del__ raising")
        raise RuntimeError("ignored")


b = Bad()
del b
print("still running")


class Late:
    pass


def late_del(self):
    print("late __del__")


Late.__del__ = late_del
Late()
print("after late")


class Explicit:
    def __del__(self):
        print("Explicit.__del__")


e = Explicit()
e.__del__()
print("explicit call done")
del e
print("end")
