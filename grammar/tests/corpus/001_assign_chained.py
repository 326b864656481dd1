a = b = c = 1
x, y = 1, 2
[p, q] = (3, 4)
first, *rest = range(5)
*init, last = [1, 2, 3]
(m, (n, o)) = 1, (2, 3)
obj.attr = d[0] = d[1:2] = 5
