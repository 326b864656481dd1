# heappush/heappop/heapify keep the heap invariant; pushpop/replace semantics.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data[0])
print(heapq.heapreplace(data, 10), data)
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
