# Maintaining a sorted list with insort and range queries.
import bisect

data = []
for v in [15, 3, 9, 27, 1, 12, 9]:
    bisect.insort(data, v)
print(data)
lo, hi = bisect.bisect_left(data, 5), bisect.bisect_right(data, 12)
print(data[lo:hi], len(data) - bisect.bisect_right(data, 10))
