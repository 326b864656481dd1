# Default argument values are evaluated once, at definition time.
counter = 10
def f(a, b=counter, c="c"):
    return (a, b, c)
counter = 99
print(f(1), f(1, 2), f(1, c="C"), f(a=0, c=3, b=2))
def g(x, y=[]):
    y.append(x)
    return y
r1 = g(1)
r2 = g(2)
print(r1, r2, r1 is r2, g(3, []), g(4))
print(g.__defaults__)
def h(d={}):
    d[len(d)] = True
    return len(d)
print(h(), h(), h({}), h())
def stamp(v, log=None):
    if log is None:
        log = []
    log.append(v)
    return log
print(stamp(1), stamp(2))
def k(a, b=2, *, c, d=4):
    return a, b, c, d
print(k(1, c=3), k(1, 5, c=3, d=0), k.__kwdefaults__)
