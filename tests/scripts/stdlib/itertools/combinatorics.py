# product, permutations, combinations, combinations_with_replacement: order and counts.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('AB', [0, 1])))
print(list(product(range(2), repeat=3)))
print(len(list(product('abc', 'de', 'fgh'))), list(product()))
print(list(permutations([1, 2, 3])))
print(list(permutations('abcd', 2)))
print(list(permutations('ab', 3)), list(permutations([], 0)))
print(list(combinations(range(5), 3)))
print(list(combinations('abc', 0)), list(combinations('abc', 4)))
print(list(combinations_with_replacement('xyz', 2)))
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in combinations(range(20), 4)))
