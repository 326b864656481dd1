f(a, *b, c=1, **d)
g(x for x in y)
