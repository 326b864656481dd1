def deco(arg):
    def wrap(fn):
        return fn
    return wrap
@deco("x")
@deco("y")
def decorated(a, /, b, *, c=lambda v=1: v * 2):
    return (lambda: a + b)()
key = sorted([3, 1], key=lambda v: -v)
