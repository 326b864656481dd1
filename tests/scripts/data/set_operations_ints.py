# Sets of small ints: operators, methods, comparisons.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([4, 7]))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {4}, a.issubset(range(10)), a.isdisjoint({8}))
s = set()
print(s, set([3, 3, 1]), {5, 5, 5}, len({1, 1.0, True}))
s.add(3); s.add(1); s.add(3); print(s)
s.update([7, 8], {9}); print(s)
s.discard(100); s.discard(7); print(s)
s.remove(8); print(s)
try:
    s.remove(8)
except KeyError as e:
    print("KeyError", e)
c = {10, 20}
print(c.pop() in (10, 20), len(c))
a |= {0}; a &= {0, 1, 2, 9}; print(a)
a -= {1}; a ^= {5, 2}; print(a)
print(sorted({x % 4 for x in range(20)}), 3 in b, 30 not in b)
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == frozenset())
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print(e)
