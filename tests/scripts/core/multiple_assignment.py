# Chained assignment, tuple swap, assignment targets order.
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
x, y = y, x + y
print(x, y)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
p = q = 5
p += 1
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
[r, s] = "hi"
print(r, s)
first, *rest = range(5)
print(first, rest)
