# Functions as values.
def apply(f, *args):
    return f(*args)
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(apply(max, 3, 9, 2), apply(len, "abcd"), apply(str.upper, "x"))
pipeline = compose(str, lambda v: v * 2, abs)
print(pipeline(-21))
def reduce(fn, seq, init):
    acc = init
    for v in seq:
        acc = fn(acc, v)
    return acc
print(reduce(lambda a, b: a * b, range(1, 8), 1), reduce(lambda a, b: b + a, "abc", ""))
def partial(fn, *bound, **kbound):
    def call(*a, **k):
        return fn(*bound, *a, **{**kbound, **k})
    return call
p = partial(pow, 2)
print(p(10), partial(int, base=16)("ff"))
funcs = [abs, str, len, bool]
print([f.__name__ for f in funcs], [f("-1") if f is not abs else f(-1) for f in funcs])
methods = ["upper", "lower", "title"]
print([getattr("hello World", m)() for m in methods])
bound = "a,b".split
print(bound(","), callable(bound), bound.__self__)
