# The sorts decided without calling back into scripts (all-int, all-str, all-float keys,
# rows of ints/strs) must give the same order as the general `<`-only stable sort: ties
# keep their input order, also with reverse=True, and mixed shapes fall back.
recs = [(3, "c"), (1, "a"), (3, "a"), (2, "b"), (1, "z"), (3, "b")]
print(sorted(recs, key=lambda r: r[0]))
print(sorted(recs, key=lambda r: r[0], reverse=True))
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs))
print(sorted(recs, reverse=True))
rows = [[x % 3, x] for x in [5, 1, 4, 2, 3, 0, 3]]
rows.sort()
print(rows)
print(sorted([[1, "b"], [1, "a"], [0, "z"], [1], [], [0, "z", 1]]))
print(sorted([(1, 2), (1, 2.5), (1, "x") if False else (0, 9), (1, 1.5)]))
print(sorted([0.0, -0.0, 1.5, -2.5, 0.0, -0.0]))
print(sorted([-0.0, 0.0, -0.0], reverse=True))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]))
print(sorted(["b", "a", "", "ab", "é", "Z"]))
print(sorted([10**20, 5, -10**20, 7]))
print(sorted([True, 2, False, 1]))
print(sorted([3, 1.5, 2, 0.5]))
print(sorted([[1, "a"], [1, 2]] if False else [[2, 1], [1, 2.0], [1, 1]]))
try:
    sorted([[1, "a"], [1, 2]])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, 2), ("a", 1)])
except TypeError as e:
    print("TypeError:", e)


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"K({self.v})"


print(sorted([[1, K(2)], [1, K(1)], [0, K(5)]]))
print(sorted([(K(2), 1), (K(1), 2)]))
