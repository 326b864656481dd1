# count, cycle and repeat, bounded with islice/zip; their reprs.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(7)
print(next(c), next(c), c)
print(count(2, 3), repeat('a'), repeat(None, 3))
print(list(islice(cycle([1, 2, 3]), 8)), list(cycle([])))
print(list(repeat('x', 3)), list(repeat(1, -2)), list(zip(range(3), repeat(0))))
print(list(map(pow, range(5), repeat(2))))
