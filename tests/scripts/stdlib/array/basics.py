# array construction, indexing, slicing, methods and repr for 'i', 'd', 'b'.
from array import array

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, len(a), a[2], a[-1], a[1:4], a.tolist(), a.typecode, a.itemsize)
print(a.pop(), a.pop(0), a.index(3), a.count(2), 3 in a, a)
a.remove(2)
a.reverse()
print(a, sum(a), list(a), a == array('i', [5, 4, 3, 1]))
d = array('d', [1.5, 2])
print(d, d[1], array('b', [-1, 0, 1]), array('d'), array('B', b'\x00\xff'))
