# *args and **kwargs collection and forwarding.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, 2, x=3))
print(show(*range(3), *"ab", **{"k": 1}, z=2))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def forward(*a, **k):
    return show(*a, **k)
print(forward(9, key="v"))
def opts(**options):
    return sorted(options.items())
print(opts(b=2, a=1), opts())
def mixed(a, b=0, *args, c, d=1, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=2), mixed(1, 2, 3, 4, c=5, e=6), mixed(*[7, 8], **{"c": 0, "zz": 1}))
try:
    show(**{1: 2})
except TypeError as e:
    print(e)
try:
    mixed(1, c=1, **{"c": 2})
except TypeError as e:
    print(e)
