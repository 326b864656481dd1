# Callable instances.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *more):
        return self.n + x + sum(more)
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2])))
class Counter:
    def __init__(self): self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
try:
    five = 5
    five()
except TypeError as e:
    print(e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
