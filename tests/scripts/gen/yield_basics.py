# Generator functions suspend at yield and resume on next().
def counter(n):
    print("  start")
    for i in range(n):
        print("  before yield", i)
        yield i
        print("  after yield", i)
    print("  end")
g = counter(2)
print(type(g).__name__, "created, nothing ran yet")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration:
    print("still exhausted")
print(list(counter(0)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
print(iter(f) is f, hasattr(f, "__next__"))
