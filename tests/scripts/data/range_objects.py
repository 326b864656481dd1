# range: repr, len, indexing, membership, negative steps, equality.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 7 in r, 8 in r)
print(range(5), range(0), range(2, 2), range(10, 0, -3), list(range(10, 0, -3)))
print(range(10 ** 20).stop, range(10 ** 20)[-1], 10 ** 19 in range(0, 10 ** 20, 2))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(1, 2) == range(1, 3))
print(r.start, r.stop, r.step, r.index(11), r.count(15), r.count(16))
print(list(range(-5)), list(range(-3, 3)), list(range(5, -5, -2)))
print(reversed(range(4)).__class__.__name__, list(reversed(range(1, 10, 3))))
try:
    range(1, 10, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    r.index(8)
except ValueError as e:
    print(e)
print(sum(range(101)), max(range(7)), min(range(3, 9)))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError")
