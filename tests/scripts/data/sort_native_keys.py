# Sorts decided natively (int keys, short int rows) must keep CPython's stable order, with
# and without reverse, and fall back for anything else.
data = [(i * 7919) % 23 for i in range(60)]
tagged = [(v, i) for i, v in enumerate(data)]

# int keys with ties: equal keys keep their input order (reverse too)
print(sorted(tagged, key=lambda t: t[0])[:12])
print(sorted(tagged, key=lambda t: t[0], reverse=True)[:12])
print(sorted(tagged, key=lambda t: t[0] % 3)[:12])
print(sorted(tagged, key=lambda t: -(t[0] % 4), reverse=True)[:12])
print(sorted(data)[:10], sorted(data, reverse=True)[:10])
print(sorted([3, -1, 2**62, -(2**62), 0, 0, -1]))

# rows of ints, same length: lexicographic, ties stable (identity shows which row came first)
rows = [[v % 5, v % 3] for v in data]
marks = {id(r): i for i, r in enumerate(rows)}
s = sorted(rows)
print(s[:8], [marks[id(r)] for r in s[:8]])
s = sorted(rows, reverse=True)
print(s[:8], [marks[id(r)] for r in s[:8]])
rows.sort()
print(rows[:6] == s[::-1][:6] or rows[:6])
trip = [(v % 2, v % 3, v % 4) for v in data]
print(sorted(trip)[:6], sorted(trip, reverse=True)[:4])
quad = [[v % 2, -v, v % 3, v] for v in data]
print(sorted(quad)[:3])
five = [[v % 2, v % 3, 0, 0, -v] for v in data]
print(sorted(five)[:3])

# rows of different lengths, bools, floats, strs, mixed kinds: the general path
print(sorted([[1, 2], [1], [0, 5, 1], [1, 1, 1], []]))
print(sorted([[True, 1], [0, 2], [1, 0], [False, -1]]))
print(sorted([[1.5, 2], [1, 3], [0.5, 1]]))
print(sorted([[1, "b"], [1, "a"], [0, "z"]]))
print(sorted([(2, 1), (1, 2), (1, 1)], key=lambda t: t))
try:
    sorted([[1, 2], (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([[1, 2], [1, "x"]])
except TypeError as e:
    print("TypeError:", e)
print(sorted([[2**70, 1], [1, 2], [-(2**70), 3]]))


# an int subclass and a key that returns bools
class I(int):
    pass


print(sorted([I(3), 1, I(2)]), sorted([3, 1, 2], key=lambda v: v > 1))
