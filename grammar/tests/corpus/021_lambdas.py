f = lambda: 0
g = lambda x: x + 1
h = lambda x, y=2, *args, z, w=1, **kw: (x, y, args, z, w, kw)
k = lambda a, /, b: a + b
m = lambda *, key=None: key
n = lambda *a: a
sorted(items, key=lambda it: (it[1], -it[0]))
