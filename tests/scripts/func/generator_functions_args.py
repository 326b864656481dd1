# Argument binding is the same for generator functions and is done at call time.
def gen(a, *rest, key=None):
    yield a
    yield rest
    yield key
g = gen(1, 2, 3, key="k")
print(list(g))
try:
    gen()
except TypeError as e:
    print(e)
def lazy(items=[]):
    items.append(len(items))
    yield from items
print(list(lazy()), list(lazy()))
