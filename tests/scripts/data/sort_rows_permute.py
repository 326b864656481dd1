# Sorting moves each item once into its place (the order of positions applied in place) and
# sorts one- and two-int rows as flat keys: check the result and the identity of every item
# against CPython, for many cycle shapes, ties, reverse, key functions and failures.
import random

rng = random.Random(25)


def ids(xs, marks):
    return [marks[id(x)] for x in xs]


# many sizes and shapes of permutation: identity, reversed, rotations, random, all equal
for n in (0, 1, 2, 3, 5, 17, 100):
    base = list(range(n))
    shapes = [base[:], base[::-1], base[1:] + base[:1], rng.sample(base, n), [7] * n]
    for sh in shapes:
        objs = [[v] for v in sh]
        marks = {id(o): i for i, o in enumerate(objs)}
        a = sorted(objs)
        b = sorted(objs, reverse=True)
        c = objs[:]
        c.sort(key=lambda r: -r[0])
        print(n, [r[0] for r in a] == sorted(sh), ids(a, marks)[:8], ids(b, marks)[:8], ids(c, marks)[:8])

# two-int rows (lists and tuples) with many ties: equal rows keep their input order
rows = [[rng.randrange(4), rng.randrange(3)] for _ in range(200)]
marks = {id(r): i for i, r in enumerate(rows)}
for rev in (False, True):
    s = sorted(rows, reverse=rev)
    print(rev, s[:5], ids(s, marks)[:20])
trows = [tuple(r) for r in rows]
tmarks = {id(r): i for i, r in enumerate(trows)}
print(ids(sorted(trows), tmarks)[:20], ids(sorted(trows, reverse=True), tmarks)[:20])
ints = [[-(2**63), 2**63 - 1], [2**63 - 1, -(2**63)], [0, 0], [-1, 5], [-1, -5]]
print(sorted(ints), sorted(ints, reverse=True))
print(sorted([[2**64, 1], [1, 2**64], [1, -(2**64)]]))
print(sorted([(3,), (1,), (2,), (1,)]), sorted([[5], [-2], [5], [0]], reverse=True))
one = [[v % 3] for v in range(30)]
om = {id(r): i for i, r in enumerate(one)}
print(ids(sorted(one), om), ids(sorted(one, reverse=True), om))
print(sorted([[1, 2], [1, 2, 3], [1]]), sorted([[2, 1], [1, 9], [True, 0]]))

# a key function that raises part way: list.sort leaves the list as it was
data = list(range(10, 0, -1))


def bad_key(v):
    if v == 3:
        raise ValueError("no key for 3")
    return v


try:
    data.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e, data)
try:
    sorted(data, key=lambda v: [v, "x"] if v == 5 else [v, 1])
except TypeError as e:
    print("TypeError:", e)


# objects compared by __lt__ (the general path), with ties and reverse
class K:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return f"{self.k}{self.tag}"


ks = [K(i % 3, chr(97 + i)) for i in range(9)]
print(sorted(ks), sorted(ks, reverse=True))
ks.sort(key=lambda o: o.k, reverse=True)
print(ks)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
big = [rng.randrange(-1000, 1000) for _ in range(1000)]
print(sorted(big) == sorted(big, key=lambda v: v), sum(i * v for i, v in enumerate(sorted(big))))
