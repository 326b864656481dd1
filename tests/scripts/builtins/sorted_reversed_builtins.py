# sorted() and reversed() on various iterables.
print(sorted("banana"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted(range(5), reverse=True))
print(sorted([], reverse=True), sorted(x % 3 for x in range(7)))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), "".join(reversed("abc")), list(reversed({"a": 1, "b": 2})))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return "xyz"[i]
print(list(reversed(Rev())))
class CustomRev:
    def __reversed__(self): return iter("custom")
print(list(reversed(CustomRev())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    sorted(5)
except TypeError as e:
    print(e)
