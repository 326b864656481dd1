a = b = 1
x, *y = z
obj.attr[0] = 2
