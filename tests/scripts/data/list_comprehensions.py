# List comprehensions: filters, nesting, conditional expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[c] for c in range(3) for row in matrix])
print([[row[c] for row in matrix] for c in range(3)])
print([v for row in matrix for v in row if v != 4])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print([c.upper() for c in "hey"], [len(w) for w in "the quick fox".split()])
print([(lambda k: k + 1)(x) for x in (1, 2)])
print([x for x in []], [y for y in range(3) if False])
