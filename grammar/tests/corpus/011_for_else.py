for i in range(10):
    pass
else:
    pass
for k, v in d.items():
    print(k, v)
for (a, b), c in pairs:
    pass
for x in *xs, *ys:
    pass
for obj.attr in items: pass
for d[0] in items: pass
