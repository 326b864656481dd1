# Memoised recursion with lru_cache: partitions, Catalan numbers, grid paths.
from functools import lru_cache


@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


@lru_cache(maxsize=None)
def catalan(n):
    if n <= 1:
        return 1
    return sum(catalan(i) * catalan(n - 1 - i) for i in range(n))


@lru_cache(maxsize=None)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print([partitions(n, n) for n in range(1, 16)])
print([catalan(n) for n in range(15)])
print(paths(16, 16), paths.cache_info().currsize)
print(partitions(100, 100), catalan.cache_info().hits > 0)
