# sorted/list.sort: stability, key, reverse, errors.
people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
print(sorted(["b", "A", "c", "B", "a"]), sorted(["b", "A", "c", "B", "a"], key=str.lower))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((5, -1, 0)))
print(sorted({3: "a", 1: "b"}), sorted([-3, 2, -1], key=abs))
lst = [5, 3, 9]
r = lst.sort()
print(r, lst)
lst.sort(key=lambda v: v % 3, reverse=True); print(lst)
words = ["bb", "a", "ccc", "dd", "e"]
words.sort(key=len); print(words)
print(sorted([[2, 1], [1, 9], [1, 2]]), sorted([(1, "b"), (1, "a")]))
print(sorted([1.5, 1, True, 0, -0.5]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
try:
    [3, None].sort()
except TypeError as e:
    print(e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print(e)
