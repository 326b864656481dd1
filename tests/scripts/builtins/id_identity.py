# id() is only compared, never printed.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(a) > 0 or id(a) <= 0)
def same(x):
    return x
print(id(same(a)) == id(a))
ids = {id(o) for o in (a, b, c)}
print(len(ids))
s = "interned"
print(s is same(s), None is same(None))
