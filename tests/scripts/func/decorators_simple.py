# Decorators without arguments; stacking order.
def shout(fn):
    def wrapper(*args, **kwargs):
        return str(fn(*args, **kwargs)).upper()
    return wrapper
def exclaim(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs) + "!"
    return wrapper
@shout
def greet(name):
    return f"hello {name}"
print(greet("bob"), greet.__name__)
@exclaim
@shout
def a():
    return "a"
@shout
@exclaim
def b():
    return "b"
print(a(), b())
calls = []
def trace(fn):
    calls.append("decorating " + fn.__name__)
    return fn
@trace
def one():
    return 1
@trace
def two():
    return 2
print(calls, one() + two())
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha(): return "A"
@register
def beta(): return "B"
print(sorted(registry), registry["beta"]())
