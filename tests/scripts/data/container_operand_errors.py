# Errors and edge cases of container operations: dict views combined with non-iterables,
# reversed() of sequences, and recursive reprs of collections types.
from collections import OrderedDict, deque


def show(f):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)


d = {"a": 1, "b": 2}
show(lambda: d.keys() | 1)
show(lambda: 1 | d.keys())
show(lambda: d.items() - None)
show(lambda: d.keys() & 2.5)
show(lambda: d.items() ^ 3)
show(lambda: d.values() | {1})
show(lambda: sorted(d.keys() | ["z"]))
show(lambda: d.keys() - "a")


class Sized:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

    def __len__(self):
        return 3


class Unsized:
    def __getitem__(self, i):
        return i


show(lambda: list(reversed(Sized())))
show(lambda: reversed(Unsized()))
show(lambda: reversed(5))
show(lambda: reversed({1, 2}))

q = deque([1, 2])
q.append(q)
print(q)
bounded = deque([0], maxlen=3)
bounded.append(bounded)
print(bounded)
o = OrderedDict(a=1)
o["self"] = o
print(o)
nested = [deque(["x"])]
nested[0].append(nested)
print(nested)
print(OrderedDict(), deque())
