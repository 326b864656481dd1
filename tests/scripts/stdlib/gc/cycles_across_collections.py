# The collector finds each container of a collection through a slot in the container; a slot
# left from an earlier collection (young, then full, then after freeze/unfreeze) must never
# make it treat a live object as garbage or miss a cycle. Cycles of every container kind.
import gc


freed = [0]


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


class Counted(Node):
    def __del__(self):
        freed[0] += 1


def make_cycles(n):
    made = 0
    for i in range(n):
        a = [i]
        a.append(a)                       # list -> itself
        d = {"k": i}
        d["self"] = d                     # dict -> itself
        x = Counted("x%d" % i)
        y = Counted("y%d" % i)
        x.other = (y, i)                  # instance -> tuple (untracked) -> instance
        y.other = x
        def f(v=None):
            return v
        f.__defaults__ = ([f, Counted("f")],)  # function -> defaults -> list -> function
        made += 3
    return made


def make_class_cycle():
    class C:
        pass
    C.me = C                              # class namespace -> class
    return "C"


keep = []
for round_no in range(3):
    keep.append([Node("live%d" % round_no) for _ in range(50)])
    made = make_cycles(200)
    make_class_cycle()
    gc.collect()
    print(round_no, "made", made, "freed", freed[0])
    freed[0] = 0

# Objects that lived through many collections are intact.
print(sum(len(g) for g in keep), keep[0][0].name, keep[2][49].name)

# A live structure pointed to by garbage stays alive and whole.
shared = {"v": [1, 2, 3]}
for _ in range(100):
    c = [shared]
    c.append(c)
del c
gc.collect()
print(shared)

# After freeze/unfreeze, old slots are stale again.
gc.freeze()
make_cycles(50)
gc.unfreeze()
gc.collect()
print("after unfreeze: freed", freed[0])
live = [Counted(str(i)) for i in range(5)]
freed[0] = 0
for i in range(5):
    live[i].other = live[(i + 1) % 5]    # a live cycle: must survive
gc.collect()
print([n.other.name for n in live])
print("live cycle freed", freed[0])
del live
gc.collect()
print("dead cycle freed", freed[0])
