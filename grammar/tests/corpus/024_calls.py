f()
f(1, 2, *args, key=3, **kw)
f(*a, *b, **c, **d)
f(a, *b, c=1, *d, **e)
f(x for x in y)
f(a)(b)(c)
obj.method(1).other()[2]
print(*items, sep=", ", end="\n")
f(a,)
