# gc.collect() finds cycles that reference counting cannot free, and leaves live objects
# (and the cycles they still reach) intact.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.collect()

# Each cycle is built inside a function, so that nothing but the cycle refers to it once
# the function returns.
def list_cycle():
    a = []
    a.append(a)


list_cycle()
print("list cycle found:", gc.collect() > 0)


def instance_cycle():
    x = Node("x")
    y = Node("y")
    x.other = y
    y.other = x


instance_cycle()
print("instance cycle found:", gc.collect() > 0)


def make_closure():
    def f():
        return f
    return f


def closure_cycle():
    g = make_closure()
    return g is not None


closure_cycle()
print("closure cycle found:", gc.collect() > 0)

def exception_cycle():
    try:
        raise ValueError("boom")
    except ValueError as e:
        holder = Node("h")
        holder.err = e
        e.holder = holder


exception_cycle()
print("exception cycle found:", gc.collect() > 0)

# Live cycles survive a collection untouched.
keep = Node("keep")
keep.other = Node("partner")
keep.other.other = keep
ring = [1, 2]
ring.append(ring)
d = {"k": None}
d["k"] = d
gc.collect()
print(keep.name, keep.other.name, keep.other.other is keep)
print(ring[:2], ring[2] is ring, d["k"] is d)

# Garbage that points at a live object does not take it down.
survivor = [10, 20]


def junk_cycle():
    junk = Node("junk")
    junk.other = junk
    junk.data = survivor


junk_cycle()
print("junk found:", gc.collect() > 0)
print(survivor)

# A collection triggered by allocation in the middle of a loop keeps everything reachable.
saved = []
for i in range(5000):
    n = Node(i)
    n.other = n
    if i % 1000 == 0:
        saved.append(n)
print([s.name for s in saved], all(s.other is s for s in saved))

# Generators in a cycle.
def gen():
    me = yield 1
    yield me

def generator_cycle():
    it = gen()
    next(it)
    it.send(it)


generator_cycle()
print("generator cycle found:", gc.collect() > 0)


def dict_cycle():
    d = {}
    d["me"] = d
    t = (d, 1)
    d["t"] = t


dict_cycle()
print("dict cycle found:", gc.collect() > 0)


def nothing_cyclic():
    a = [1, 2, 3]
    b = {"a": a}
    return len(b)


nothing_cyclic()
print("no cycles:", gc.collect())
gc.disable()
print(gc.isenabled())
gc.enable()
