# A call of a global with one simple argument, `f(x)`, `f(n - 1)`, `f(n + 1)`, runs as one
# fused instruction (`LoadGlobalCall`): whatever the global is bound to, and however it is
# rebound, the call must behave as the three instructions it replaces.
import sys


def f(x):
    return ("f", x)


def g(x):
    return ("g", x)


def run(n):
    return f(n), f(n - 1), f(n + 1)


print(run(5))

# Rebinding the global between calls: the cache follows it.
f = g
print(run(5))
del f
try:
    run(5)
except NameError as e:
    print("NameError:", e)


def f(x):
    return ("f again", x)


print(run(5))


# Rebinding the global while the argument is computed: the function loaded before the
# argument is the one called, as in CPython.
class Rebinds:
    def __sub__(self, other):
        global f
        f = g
        return "rebound"

    def __add__(self, other):
        return "added"


print(f(Rebinds() - 1))
print(f(1))


def f(x):
    return ("f", x)


# Other kinds of callables bound to the global.
class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"


class Adder:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x + self.k

    def add(self, x):
        return x + self.k


def call_all(n):
    return f(n - 1)


for target in (Point, abs, Adder(10).add, Adder(100), str, len, g):
    f = target
    try:
        print(call_all(3))
    except TypeError as e:
        print("TypeError:", e)


def f(x, y):
    return x + y


try:
    call_all(3)
except TypeError as e:
    print("TypeError:", e)


def f(x, y=7):
    return x + y


print(call_all(3))


def f(*args):
    return args


print(call_all(3))


def f(x):
    return x


# Arguments whose fast path does not apply: floats, big ints, strings, overflow.
print(call_all(2.5), call_all(2**70), call_all(-(2**63)), run(9223372036854775807))
try:
    call_all("s")
except TypeError as e:
    print("TypeError:", e)


# Closures and generators bound to the global.
def make(k):
    def inner(x):
        return x * k

    return inner


f = make(3)
print(call_all(5))


def f(x):
    yield x
    yield x + 1


print(list(call_all(5)))


# Tracebacks: the line of the call in the caller, the line of the error in the callee.
def f(x):
    frame = sys._getframe()
    return frame.f_back.f_lineno, frame.f_back.f_code.co_name, x


def where(n):
    a = 1
    return f(n - 1)


print(where(4))


def f(x):
    return 1 // x


def divide(n):
    return f(n - 1)


try:
    divide(1)
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("ZeroDivisionError:", e, lines)


# Recursion through the fused call: results and RecursionError.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(500))
