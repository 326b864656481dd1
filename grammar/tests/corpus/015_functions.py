def simple():
    pass
def defaults(a, b=1, c=None):
    return a
def posonly(a, b, /, c, d=4, *, e, f=6, **kw):
    return a
def star_only(*, key):
    return key
def varargs(*args, **kwargs):
    return args, kwargs
def slash_default(a=1, /, b=2):
    pass
def nested():
    def inner():
        return 1
    return inner
