# throw() raises inside the generator at the paused yield.
def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("  handled inside:", e)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated:", repr(e))
try:
    next(g)
except StopIteration:
    print("generator is finished")
def fresh():
    yield 1
f = fresh()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("thrown into unstarted:", e)
def inner():
    try:
        yield 1
    except TypeError:
        yield "inner caught TypeError"
def outer():
    yield from inner()
    yield "after inner"
o = outer()
next(o)
print(o.throw(TypeError))
print(next(o))
