# The return value of a generator appears as StopIteration.value.
def gen():
    yield "a"
    return {"result": 42}
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
def empty():
    return "nothing"
    yield
try:
    next(empty())
except StopIteration as e:
    print(repr(e), e.value)
def plain():
    yield 1
try:
    next(p := plain()); next(p)
except StopIteration as e:
    print(e.value, e.args)
print(next(iter([]), "default"), next(plain(), "unused"))
print(list(gen()))
