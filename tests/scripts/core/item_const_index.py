# `seq[0]`, `seq[-1]` with a constant index (an int load and an item read run together):
# lists, tuples, negative and out-of-range indexes, a list changed or replaced between
# reads, subclasses with their own `__getitem__`, and other containers at the same site.


def first_last(s):
    return s[0], s[1], s[-1]


for s in [[1, 2, 3], (4.5, 5.5), ["a", "b", "c", "d"], (None, [1], {"k": 2})]:
    for _ in range(20):
        r = first_last(s)
    print(r)

pair = [10, 20]
for i in range(3):
    a = pair[0]
    b = pair[1]
    pair.append(a + b)
    pair[0], pair[1] = pair[1], pair[-1]
    print(a, b, pair)

pair = (1, 2)
a = pair[0]
pair = [3.5]
print(a, pair[0], pair[-1])
for s in [[], (), [1], (1,)]:
    for f in [lambda s: s[1], lambda s: s[-2], lambda s: s[0]]:
        try:
            print(f(s))
        except IndexError as e:
            print("IndexError", e)


class L(list):
    def __getitem__(self, i):
        return ("L", super().__getitem__(i))


class T(tuple):
    def __getitem__(self, i):
        return ("T", i)


class Plain(list):
    pass


for s in [L([7, 8]), T((7, 8)), Plain([7, 8]), "xy", b"xy", range(5, 9), {0: "zero", 1: "one", -1: "m"}]:
    print(first_last(s) if not isinstance(s, dict) else (s[0], s[1], s[-1]))
try:
    first_last({0: 1})
except KeyError as e:
    print("KeyError", e)
try:
    first_last(5)
except TypeError as e:
    print("TypeError", e)


# the list emptied and refilled between reads at the same sites
items = [1, 2, 3]
for k in range(4):
    try:
        print(items[0], items[-1])
    except IndexError as e:
        print("IndexError", e)
    items = [k] * k if k % 2 else []
items.clear()
try:
    print(items[0])
except IndexError as e:
    print("IndexError", e)
nested = [[1, 2], [3, 4]]
print(nested[0][1], nested[-1][0], nested[1][-1])
t = (nested, nested[0])
print(t[0][1][0], t[1][1])
