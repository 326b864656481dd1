# Decorator factories and wrapper metadata copied by hand.
def repeat(times):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco
@repeat(3)
def roll(v):
    "Return v."
    return v
print(roll("x"), roll.__name__, roll.__doc__, roll.__wrapped__("y"))
def tag(name, **attrs):
    def deco(fn):
        def wrapper():
            inner = fn()
            at = "".join(f' {k}="{v}"' for k, v in attrs.items())
            return f"<{name}{at}>{inner}</{name}>"
        return wrapper
    return deco
@tag("div", cls="box")
@tag("b")
def content():
    return "hi"
print(content())
def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counted
def noop(x):
    return x
noop(1); noop(2); noop(3)
print(noop.calls)
def deco_class(cls):
    cls.decorated = True
    return cls
@deco_class
class Thing:
    pass
print(Thing.decorated)
