# Positional-only parameters (/).
def div(a, b, /, *, exact=False):
    return a / b if exact else a // b
print(div(7, 2), div(7, 2, exact=True))
try:
    div(a=7, b=2)
except TypeError as e:
    print(e)
def f(x, /, y, *, z):
    return x, y, z
print(f(1, 2, z=3), f(1, y=2, z=3))
try:
    f(x=1, y=2, z=3)
except TypeError as e:
    print(e)
def g(name, /, **kwargs):
    return name, kwargs
print(g("pos", name="kw"))
def h(a, b=2, /, c=3):
    return a, b, c
print(h(1), h(1, 5), h(1, 5, 6), h(1, c=9))
