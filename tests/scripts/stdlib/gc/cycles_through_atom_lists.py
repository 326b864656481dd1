# A list built holding only atoms ([1, "x"]) may be left out of the collector's registry
# until something else is stored into it: every way of storing must still let a cycle
# through it be collected.
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("collected", self.name)


def ways():
    def append(row, n):
        row.append(n)

    def insert(row, n):
        row.insert(1, n)

    def setitem(row, n):
        row[0] = n

    def negative_setitem(row, n):
        row[-1] = n

    def slice_assign(row, n):
        row[1:1] = [n]

    def extend(row, n):
        row.extend((n,))

    def iadd(row, n):
        row += [n]

    def init(row, n):
        row.__init__([0, n])

    def nested(row, n):
        row.append([n])

    def via_dict(row, n):
        row.append({"n": n})

    def bound_append(row, n):
        f = row.append
        f(n)

    def unbound_append(row, n):
        list.append(row, n)

    return [append, insert, setitem, negative_setitem, slice_assign, extend, iadd, init, nested,
            via_dict, bound_append, unbound_append]


gc.disable()
for way in ways():
    row = [1, "x", 2.5, None, True, 10**30]
    n = Node(way.__name__)
    n.row = row
    way(row, n)
    del row, n
    print(way.__name__, "found", gc.collect() > 0)

# the same through a comprehension, a literal of atoms and a self-reference
rows = [[i, str(i)] for i in range(3)]
for r in rows:
    r.append(r)
del rows, r
print("self refs", gc.collect() >= 3)

a = [1, 2]
b = [3, 4]
a.append(b)
b.append(a)
del a, b
print("pair", gc.collect() >= 2)

# lists of atoms stay usable as before
nums = [3, 1, 2]
nums.append(0)
nums.sort()
print(nums, gc.is_tracked(nums), gc.is_tracked([1, 2]), gc.is_tracked((1, 2)))
gc.enable()
