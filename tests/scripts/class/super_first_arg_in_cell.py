# Zero-argument super() in a method whose first parameter a nested scope (comprehension,
# lambda, inner def) captures: super() uses the captured value.
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.short = [n for n in ("a", "bb", "c") if len(n) == cls.width]

    def greet(self):
        return "base"

class Child(Base):
    width = 1

    def greet(self):
        helper = lambda: self.__class__.__name__
        return super().greet() + "+" + helper()

    def both(self):
        def inner():
            return self
        return super().greet(), inner() is self

    @classmethod
    def make(cls):
        names = [cls.__name__ for _ in range(2)]
        return super().__name__ if False else names, super().__init_subclass__()

print(Child.short, Child().greet(), Child().both(), Child.make())

class Rebinds(Base):
    width = 2

    def greet(self):
        fns = [lambda: self for _ in range(1)]
        return super().greet(), fns[0]() is self

print(Rebinds.short, Rebinds().greet())
