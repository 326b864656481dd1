# A key whose __eq__ empties the dict or set being searched: the lookup starts again on
# the changed container (as CPython's does) instead of using a stale entry (this panicked
# with an index out of bounds, and a set's length went negative).
mutate = None


class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if mutate is not None:
            mutate.clear()
        return True

    def __repr__(self):
        return f"K{self.n}"


def fresh_dict():
    global mutate
    mutate = None
    d = {K(i): i for i in range(3)}
    mutate = d
    return d


def fresh_set():
    global mutate
    mutate = None
    s = {K(0)}
    s.add(K(1))
    mutate = s
    return s


d = fresh_dict()
print(d.get(K(9)), len(d))
d = fresh_dict()
print(K(9) in d, len(d))
d = fresh_dict()
d[K(20)] = 5
print(len(d), list(d.values()))
d = fresh_dict()
print(d.pop(K(9), "absent"), len(d))
d = fresh_dict()
try:
    del d[K(9)]
except KeyError as e:
    print("KeyError", e)
d = fresh_dict()
try:
    d[K(9)]
except KeyError as e:
    print("KeyError", e)
print(d.setdefault(K(7), "dflt"), len(d))

s = fresh_set()
print(len(s), K(9) in s, len(s))
s = fresh_set()
s.discard(K(3))
print(len(s))
s = fresh_set()
s.add(K(4))
print(len(s))
s = fresh_set()
try:
    s.remove(K(5))
except KeyError as e:
    print("KeyError", e)
print(len(s))
fs = frozenset([K(1), K(2)])
mutate = None
print(K(1) in fs, len(fs))


# equality that answers without mutating still finds colliding keys
class C:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, C) and self.n == other.n


d = {C(i): i for i in range(20)}
s = {C(i) for i in range(20)}
print([d.get(C(i)) for i in (0, 5, 19, 20)], C(19) in s, C(20) in s)
s.discard(C(3))
d.pop(C(3))
print(len(d), len(s), C(3) in s, C(3) in d)
