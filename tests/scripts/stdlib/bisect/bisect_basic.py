# bisect_left/right and insort on sorted lists, with lo/hi bounds.
import bisect

a = [1, 2, 4, 4, 4, 8]
for x in [0, 1, 3, 4, 5, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3))
b = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 4)
print(b)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print('ValueError', e)
