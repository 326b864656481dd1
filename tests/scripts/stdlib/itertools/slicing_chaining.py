# islice argument forms, chain/from_iterable, zip_longest, pairwise, compress, tee.
from itertools import islice, chain, zip_longest, pairwise, compress, tee

s = 'ABCDEFG'
print(list(islice(s, 2)), list(islice(s, 2, 4)), list(islice(s, 2, None)), list(islice(s, 0, None, 2)))
print(list(islice(iter(range(100)), 95, 200)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
try:
    islice('abc', -1)
except ValueError as e:
    print('ValueError', e)
print(list(chain('ab', [1, 2], (3,))), list(chain()), list(chain.from_iterable(['ab', 'cd', ''])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest([1], [2, 3], [4, 5, 6])))
print(list(pairwise([1, 2, 3, 4])), list(pairwise('a')))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
a, b, c = tee((x * x for x in range(4)), 3)
print(next(a), list(a), list(b), list(c))
print(len(tee([1], 4)))
