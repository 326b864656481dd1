# lambda expressions.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
print((lambda a, b=10: a + b)(1), (lambda a, /, b: (a, b))(1, b=2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
print(sq.__name__, (lambda: 0).__name__)
print((lambda x: (yield x))(5).__class__.__name__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
