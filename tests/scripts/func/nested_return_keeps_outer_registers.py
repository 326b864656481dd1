# Regression: returning from a call made inside a comprehension used to shrink the
# register stack below what the outer frame (with many registers) still needed.

def lookup(items, target, lo=0):
    for i in range(lo, len(items)):
        if items[i] == target:
            return i
    return -1

items = list(range(0, 50, 7))
print([lookup(items, t) for t in (0, 14, 49, 3)])
print(sorted([5, 2, 9, 1, 5, 6, 0, -3, 8]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])


def outer():
    a, b, c, d, e, f, g, h = 1, 2, 3, 4, 5, 6, 7, 8
    vals = [lookup([x, x + 1], x + 1) for x in range(3)]
    return vals, a + b + c + d + e + f + g + h, [a, b, c, d, e, f, g, h, a, b, c, d]

print(outer())
