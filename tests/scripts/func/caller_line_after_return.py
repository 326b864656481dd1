# The caller's line after a script call returned (the fast return leaves the caller's saved
# instruction at the call): tracebacks, f_lineno, f_back, generators and __del__ run at the
# return, and comparison results stored over registers that held objects. (A snapshot's
# f_lineno of its own running frame, and sys._getframe inside __del__, differ: not tested.)
import sys


def leaf(x):
    return x + 1


def line_here():
    return sys._getframe(1).f_lineno


def after_calls():
    a = leaf(1)
    b = leaf(a)
    n = line_here()
    return a, b, n


print(after_calls())


def raise_after_return():
    v = leaf(1)
    w = leaf(v)
    return w + None


try:
    raise_after_return()
except TypeError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("raised at line", tb.tb_lineno, type(e).__name__)


def frames_seen():
    leaf(0)
    f = sys._getframe()
    leaf(1)
    return f.f_back.f_lineno


print(frames_seen())


def gen():
    leaf(0)
    yield sys._getframe().f_lineno
    leaf(1)
    yield sys._getframe().f_lineno


g = gen()
print(next(g), next(g))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make():
    return Noisy("tmp")


def drop_in_caller():
    x = make()
    x = leaf(1)
    print("after rebinding", x)
    return x


drop_in_caller()


def compare_over_object(items):
    out = []
    for it in items:
        r = it
        r = leaf(len(out)) < 2
        out.append(r)
    return out


print(compare_over_object([Noisy("a"), Noisy("b"), Noisy("c")]))


def deep(n):
    if n == 0:
        return sys._getframe().f_back.f_lineno
    r = deep(n - 1)
    return r


print(deep(50))


def recurse(n):
    return recurse(n + 1) + 1


try:
    recurse(0)
except RecursionError as e:
    print("RecursionError", e)
print(after_calls())
