def f(a, b=2, *args, c, d=4, **kw):
    return a + b
f(1, c=3)
f(1, 2, 3, c=3, e=5)
f(*[1, 2], **{"c": 3})
obj = [3, 1, 2]
obj.sort(reverse=True)
print(len(obj), sep="")
