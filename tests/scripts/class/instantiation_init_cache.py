# cls(...) remembers the plain __init__ of a class per class epoch and pre-sizes instance
# dicts from earlier instances: replacing, deleting or shadowing __init__ (on the class or a
# base), adding __new__, or instances with more or fewer attributes must all behave as usual.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    return [P(i, i + 1) for i in range(n)]


print([(p.x, p.y) for p in make(3)])


def init3(self, x, y):
    self.x = x * 10
    self.y = y * 10
    self.z = 0


P.__init__ = init3
print([(p.x, p.y, p.z) for p in make(3)])
print(sorted(vars(P(1, 2))))

del P.__init__
try:
    P(1, 2)
except TypeError as e:
    print("TypeError", e)
print(type(P()).__name__, vars(P()))


def init_kw(self, x, y=5):
    self.x = x
    self.y = y


P.__init__ = init_kw
print(vars(P(1)), vars(P(1, 2)), vars(P(x=3)))


class Base:
    def __init__(self, a):
        self.a = a


class Child(Base):
    pass


print([c.a for c in (Child(i) for i in range(3))])


def child_init(self, a):
    self.a = -a
    self.extra = True


Child.__init__ = child_init
print([vars(c) for c in (Child(i) for i in range(2))])
del Child.__init__
print([vars(c) for c in (Child(i) for i in range(2))])
Base.__init__ = lambda self, a: setattr(self, "b", a)
print([vars(c) for c in (Child(i) for i in range(2))])


class Counted:
    made = 0

    def __init__(self, v):
        self.v = v


for i in range(3):
    Counted(i)


def new(cls, v):
    Counted.made += 1
    return super(Counted, cls).__new__(cls)


Counted.__new__ = new
c = Counted(7)
print(Counted.made, c.v)


class Grow:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)


big = [Grow(n) for n in (1, 12, 3, 20, 0, 5)]
print([len(vars(g)) for g in big])
print(vars(big[2]), big[3].a19)


class Many:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
        self.d = 4
        self.e = 5
        self.f = 6
        self.g = 7
        self.h = 8
        self.i = 9


ms = [Many() for _ in range(3)]
ms[1].j = 10
del ms[0].a
print([sorted(vars(m)) for m in ms])
print(ms[2].i, ms[1].j, hasattr(ms[0], "a"))
