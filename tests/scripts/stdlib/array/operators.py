# Concatenation, repetition, slice assignment, comparison.
from array import array

a = array('i', [1, 2])
b = array('i', [3])
print(a + b, a * 2, 2 * b, a < array('i', [1, 3]))
a += b
print(a)
a[0:2] = array('i', [9, 8, 7])
print(a)
del a[0]
a[0] = 42
print(a, len(a))
