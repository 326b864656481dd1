# `obj.__class__ = Other` at sites warmed up on the old class: the instance keeps its dict
# and takes the new class's methods and descriptors.


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def norm(o):
    return o.norm()


class R:
    def __init__(self):
        self.x = "R.x"

    def norm(self):
        return "R.norm"


class S:
    x = property(lambda self: "S property x")

    def norm(self):
        return "S.norm"


class T:
    def norm(self):
        return "T.norm " + str(self.x)


o = R()
for _ in range(3):
    get_x(o)
    norm(o)
print(get_x(o), norm(o))
o.__class__ = S
print(get_x(o), norm(o), o.__dict__)
o.__class__ = T
print(get_x(o), norm(o))
set_x(o, "T.x")
print(get_x(o), norm(o), type(o).__name__)
o.__class__ = R
print(get_x(o), norm(o))
