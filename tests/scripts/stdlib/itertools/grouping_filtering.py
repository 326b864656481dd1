# groupby with and without key, takewhile/dropwhile/filterfalse, starmap, accumulate.
from itertools import groupby, takewhile, dropwhile, filterfalse, starmap, accumulate
import operator

print([(k, ''.join(g)) for k, g in groupby('AAAABBBCCDAABBB')])
data = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'kiwi'], key=len)
for length, words in groupby(data, key=len):
    print(length, list(words))
groups = groupby([1, 1, 2])
k, g = next(groups)
k2, g2 = next(groups)
print(k, list(g), k2, list(g2))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, None, 2])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 5], [7, 2]])))
print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8])), list(accumulate([3, 4, 6, 2, 1], max)))
print(list(accumulate(range(1, 6), operator.mul)), list(accumulate([], initial=5)), list(accumulate('abc')))
