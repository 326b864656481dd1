# Unpacking into a fixed number of targets takes one item past them and stops: the
# iterator may be endless (found while bounding native loops by the limits).
import itertools

try:
    a, b = itertools.count()
except ValueError as e:
    print("ValueError:", e)

it = iter(range(10))
try:
    x, y, z = it
except ValueError as e:
    print("ValueError:", e)
print("left in the iterator:", list(it))

def gen():
    n = 0
    while True:
        n += 1
        print("yield", n)
        yield n

try:
    p, q = gen()
except ValueError as e:
    print("ValueError:", e)

(a,) = itertools.repeat(7, 1)
print(a)
try:
    (a,) = itertools.repeat(7)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = iter([1])
except ValueError as e:
    print("ValueError:", e)
