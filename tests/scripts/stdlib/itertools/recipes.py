# Classic recipes built from itertools: flatten, roundrobin-ish, running windows, powerset.
from itertools import chain, combinations, islice, cycle, count, zip_longest, groupby


def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))


def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)


def unique_justseen(iterable):
    return [k for k, _ in groupby(iterable)]


def take(n, iterable):
    return list(islice(iterable, n))


print(list(powerset('abc')))
print(list(grouper('ABCDEFG', 3, 'x')))
print(unique_justseen('AAAABBBCCDAABBB'))
print(take(5, (x * x for x in count(1))))
print(take(7, cycle('ab')))
print(dict(zip(count(1), 'xyz')))
