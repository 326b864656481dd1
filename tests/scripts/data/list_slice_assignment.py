# Slice assignment and deletion, including extended slices.
a = list(range(8))
a[2:4] = ["x", "y", "z"]; print(a)
a[1:1] = [100, 101]; print(a)
a[:3] = []; print(a)
a[-2:] = "PQ"; print(a)
a[len(a):] = [7]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
b = list(range(10))
b[::-3] = ["a", "b", "c", "d"]; print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
del b[::3]; print(b)
del b[1:3]; print(b)
del b[-1]; print(b)
c = [1, 2, 3]
c[:] = c + c; print(c)
c[1:5] = range(2); print(c)
d = [1, 2, 3, 4]
d[3:1] = ["ins"]; print(d)
try:
    d[0:1] = 5
except TypeError as e:
    print(e)
e = [0, 1, 2]
e[5:] = [9]; print(e)
