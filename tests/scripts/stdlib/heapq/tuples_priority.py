# Priority-queue use: (priority, seq, task) tuples pop in order, ties by sequence.
import heapq

pq = []
for seq, (prio, task) in enumerate([(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'coffee'), (5, 'ship')]):
    heapq.heappush(pq, (prio, seq, task))
while pq:
    prio, seq, task = heapq.heappop(pq)
    print(prio, seq, task)
