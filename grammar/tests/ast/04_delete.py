del a, b[0]
del (c, d)
