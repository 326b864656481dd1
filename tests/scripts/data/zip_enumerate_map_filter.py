# zip / enumerate / map / filter / reversed are lazy iterators.
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])))
print(list(zip(range(3), "xyz", [True, False, None])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(e)
print(list(zip([1, 2], [3, 4], strict=True)))
pairs = [("a", 1), ("b", 2)]
letters, nums = zip(*pairs)
print(letters, nums)
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([], 1)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, 2))))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), tuple(reversed(range(3))))
m = map(lambda v: v * 10, [1, 2, 3])
print(next(m), list(m), list(m))
z = zip(range(2), range(2))
print(type(z).__name__, type(m).__name__, type(enumerate([])).__name__)
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)))
try:
    reversed({1: 2}.items()) and print("dict items reversible")
except TypeError as e:
    print(e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print(e)
