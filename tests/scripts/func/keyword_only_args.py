# Keyword-only parameters after * or *args.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("a"), connect("b", port=8080), connect(host="c", secure=True))
try:
    connect("a", 81)
except TypeError as e:
    print(e)
def need(*, a, b):
    return a + b
print(need(a=1, b=2), need(b="x", a="y"))
try:
    need(a=1)
except TypeError as e:
    print(e)
try:
    need()
except TypeError as e:
    print(e)
try:
    need(1, 2)
except TypeError as e:
    print(e)
def after_args(*items, sep="-"):
    return sep.join(items)
print(after_args("a", "b"), after_args("a", "b", sep="+"))
