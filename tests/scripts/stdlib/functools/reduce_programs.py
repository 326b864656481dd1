# functools in small programs: compose with reduce, memoised edit distance.
from functools import reduce, lru_cache, partial


def compose(*fs):
    return reduce(lambda f, g: lambda x: f(g(x)), fs, lambda x: x)


inc = partial(lambda n, x: x + n, 1)
dbl = partial(lambda n, x: x * n, 2)
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))


def edit_distance(a, b):
    @lru_cache(maxsize=None)
    def d(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        cost = 0 if a[i - 1] == b[j - 1] else 1
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost)
    return d(len(a), len(b))


for x, y in [('kitten', 'sitting'), ('flaw', 'lawn'), ('', 'abc'), ('same', 'same')]:
    print(x, y, edit_distance(x, y))
