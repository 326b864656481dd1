# TypeError messages for bad calls.
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    pass
def h():
    pass
class K:
    def m(self, x):
        pass
cases = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, z=3),
    lambda: f(1, a=1),
    lambda: g(1),
    lambda: g(1, 2, 3, c=4),
    lambda: h(1),
    lambda: h(x=1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(1),
    lambda: (lambda x: x)(),
    lambda: f(*[1, 2, 3, 4]),
    lambda: g(c=1, d=2),
    lambda: f(b=1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
