# None: identity, truthiness, repr and use as default return value.
def nothing():
    pass
r = nothing()
print(r, repr(r), type(r).__name__, r is None, r == None)
print(bool(None), not None, None is None, None != 0, None == False)
print([None, None], {None: 1}, str(None))
x = None
print(x or "default", x and "never")
def f(a=None):
    if a is None:
        a = []
    a.append(1)
    return a
print(f(), f(), f([0]))
try:
    None + 1
except TypeError as e:
    print(e)
try:
    fn = None
    fn()
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    None < 1
except TypeError as e:
    print(e)
