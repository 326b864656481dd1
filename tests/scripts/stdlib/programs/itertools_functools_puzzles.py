# Puzzle solvers in the benchmark style: N-queens with permutations, subset sums with
# combinations, run-length encoding with groupby, knapsack with lru_cache, and a
# custom sort with cmp_to_key and total_ordering.
from itertools import (accumulate, chain, combinations, count, cycle, dropwhile, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee, zip_longest)
from functools import cmp_to_key, lru_cache, partial, reduce, total_ordering
import operator


def queens(n):
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


for n in range(4, 8):
    sols = list(queens(n))
    print(n, len(sols), sols[0])


def subset_sums(items, target):
    return [c for r in range(1, len(items) + 1) for c in combinations(items, r) if sum(c) == target]


print(subset_sums([3, 34, 4, 12, 5, 2], 9))


def rle(s):
    return [(k, len(list(g))) for k, g in groupby(s)]


def unrle(pairs):
    return "".join(starmap(operator.mul, pairs))


encoded = rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(encoded, unrle(encoded) == "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")

ITEMS = [(12, 4), (2, 2), (1, 1), (4, 10), (1, 2), (7, 9), (3, 5), (9, 11)]


@lru_cache(maxsize=None)
def knapsack(i, capacity):
    if i == len(ITEMS):
        return 0
    weight, value = ITEMS[i]
    best = knapsack(i + 1, capacity)
    if weight <= capacity:
        best = max(best, value + knapsack(i + 1, capacity - weight))
    return best


print([knapsack(0, c) for c in range(0, 30, 3)], knapsack.cache_info().hits > 0)


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


versions = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "2.0", "1.9.9"]]
print(sorted(versions), max(versions), Version("1.2") <= Version("1.2.0"))


def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


print(sorted(["pear", "fig", "apple", "kiwi", "plum", "date"], key=cmp_to_key(by_length_then_reverse)))

# Number sequences.
print(list(accumulate(range(1, 11), operator.mul)))
print(list(takewhile(lambda x: x < 60, accumulate(count(1), operator.add))))
print(list(dropwhile(lambda x: x % 7, islice(count(50), 20)))[:4])
print(list(islice(cycle("abc"), 7)), list(repeat("x", 3)))
print(list(zip_longest("abcd", range(2), fillvalue="-")))
print([b - a for a, b in pairwise([1, 4, 9, 16, 25, 36])])
a, b = tee(range(5))
print(list(zip(a, islice(b, 1, None))))
print(list(chain.from_iterable(product("ab", repeat=2))))
print(reduce(lambda acc, x: acc * 10 + x, [3, 1, 4, 1, 5], 0))
base2 = partial(int, base=2)
print(base2("101101"), partial(pow, 2)(10))


# Collatz lengths with a memo.
@lru_cache(maxsize=4096)
def collatz(n):
    return 1 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 10000), key=collatz)
print(best, collatz(best), collatz.cache_info().maxsize)
