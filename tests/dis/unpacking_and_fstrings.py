a, b = 1, 2
first, *rest = [1, 2, 3]
(x, y), z = (1, 2), 3
name = "gyre"
width = 10
print(f"{name!r:>{width}} {a + b:04d} {x=}")
print("%s-%d" % (name, a), "{0}".format(b))
del a, rest
assert b, "message"
