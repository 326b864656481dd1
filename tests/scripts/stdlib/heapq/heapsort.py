# Heapsort and k-way selection built on heapq, with custom ordering objects.
import heapq


def heapsort(iterable):
    h = []
    for value in iterable:
        heapq.heappush(h, value)
    return [heapq.heappop(h) for _ in range(len(h))]


print(heapsort([1, 3, 5, 7, 9, 2, 4, 6, 8, 0]), heapsort('heapsort'))


class Job:
    def __init__(self, name, cost):
        self.name, self.cost = name, cost

    def __lt__(self, other):
        return self.cost < other.cost

    def __repr__(self):
        return f'Job({self.name}, {self.cost})'


jobs = [Job('a', 5), Job('b', 1), Job('c', 3)]
heapq.heapify(jobs)
print(heapq.heappop(jobs), jobs[0], heapq.nsmallest(1, jobs))
