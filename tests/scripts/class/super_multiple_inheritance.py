# Cooperative super() walks the MRO of the instance's class.
log = []
class Base:
    def __init__(self):
        log.append("Base")
    def hello(self):
        return ["Base"]
class Left(Base):
    def __init__(self):
        log.append("Left>")
        super().__init__()
        log.append("<Left")
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def __init__(self):
        log.append("Right>")
        super().__init__()
        log.append("<Right")
    def hello(self):
        return ["Right"] + super().hello()
class Child(Left, Right):
    def __init__(self):
        log.append("Child>")
        super().__init__()
    def hello(self):
        return ["Child"] + super().hello()
c = Child()
print(log)
print(c.hello())
print(Left().hello())
print(super(Left, c).hello(), super(Child, c).hello())
class Kw(Base):
    def __init__(self, a, **kw):
        self.a = a
        super().__init__(**kw)
log.clear()
k = Kw(a=1)
print(k.a, log)
