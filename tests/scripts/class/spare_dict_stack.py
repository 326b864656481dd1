# Emptied instance dicts kept by a class for its next instances: a chain of instances of one
# class dying together fills the class's small stack of spare dicts, and the instances made
# after it must start with empty dicts of their own, whatever the dead ones held.
import gc


class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.nxt = nxt


def chain(n):
    head = None
    for i in range(n):
        head = Node(i, head)
        if i % 3 == 0:
            head.extra = [i] * 2
    return head


for n in (1, 3, 4, 5, 12):
    c = chain(n)
    del c
    fresh = [Node("v%d" % k) for k in range(6)]
    print(n, [sorted(vars(f)) for f in fresh][:2], [f.value for f in fresh])
    assert all(not hasattr(f, "extra") for f in fresh)
    del fresh

# A dict still referenced through __dict__ is not reused.
a = Node(1)
d = a.__dict__
del a
b = Node(2)
print(d, vars(b), d is vars(b))
d["late"] = True
print(vars(b))

# Instances whose values drop more instances of the same class while their dict is cleared.
class Box:
    def __init__(self, inner=None):
        self.inner = inner


boxes = [Box(Box(Box(Box(Box())))) for _ in range(3)]
del boxes
made = [Box(k) for k in range(8)]
print([vars(m) for m in made])

# Cycles freed by the collector, then reuse.
for _ in range(3):
    x = Node(1)
    y = Node(2, x)
    x.nxt = y
    del x, y
    gc.collect()
    z = Node(3)
    print(sorted(vars(z).items()))
