# Regression: returning from a call made by a small function must not cut off the
# registers of the bigger function that called it (its window starts inside the
# caller's temporaries).
def leaf():
    return 1

def small():
    leaf()
    return 2

def big():
    a, b, c, d = 1, 2, 3, 4
    small()
    e, f, g, h = 5, 6, 7, 8
    print(a + b + c + d, e + f + g + h, [a, b, c, d, e, f, g, h])
    print(str(small()).join(['x', 'y']), len([a, b, c, d, e, f, g, h]))

big()
