# Instances made by `cls(...)` whose attributes hold only atoms are left out of the cycle
# collector's registry until they could take part in a cycle: every way of putting a reference
# into one (attribute stores, setattr, object.__setattr__, __dict__, vars()) and a cycle through
# its class (C.me = C()) must still be collected.
import gc
import weakref


def check(label, make):
    gc.collect()
    ref = make()
    gc.collect()
    print(label, "freed" if ref() is None else "alive")


class P:
    def __init__(self, x):
        self.x = x


def self_attr():
    p = P(1.5)
    p.me = p
    return weakref.ref(p)


def cached_store():
    # The same store site first with atoms, then with an instance.
    ps = [P(i) for i in range(3)]
    for i in range(3):
        ps[i].x = ps[(i + 1) % 3]
    return weakref.ref(ps[0])


def init_store():
    class Node:
        def __init__(self, nxt):
            self.nxt = nxt

    a = Node(None)
    b = Node(a)
    a.nxt = b
    return weakref.ref(a)


def via_setattr():
    p = P(2)
    setattr(p, "loop", [p])
    return weakref.ref(p)


def via_object_setattr():
    p = P(3)
    object.__setattr__(p, "loop", (p,))
    return weakref.ref(p)


def via_dict():
    p = P(4)
    d = p.__dict__
    d["me"] = p
    return weakref.ref(p)


def via_vars():
    p = P(5)
    vars(p)["me"] = {"k": p}
    return weakref.ref(p)


def via_dict_update():
    p = P(6)
    p.__dict__.update(other=p)
    return weakref.ref(p)


def through_class():
    class C:
        def __init__(self):
            self.v = 1.0

    C.me = C()
    return weakref.ref(C.me)


def through_class_twice():
    class C:
        def __init__(self):
            self.v = 1.0

    c = C()
    C.a = c
    C.b = c
    return weakref.ref(c)


def through_class_tuple():
    class C:
        def __init__(self):
            self.v = "s"

    c = C()
    C.t = (c, c)
    return weakref.ref(c)


def setattr_override():
    class S:
        def __init__(self, v):
            self.v = v

        def __setattr__(self, name, value):
            super().__setattr__(name, value)

    s = S(1)
    s.me = s
    return weakref.ref(s)


refs = []


def callback_cycle():
    out = []
    p = P(7)
    p.me = p
    refs.append(weakref.ref(p, lambda r: out.append("callback")))
    return out


for label, make in [
    ("self attribute", self_attr),
    ("cached store", cached_store),
    ("store in __init__", init_store),
    ("setattr", via_setattr),
    ("object.__setattr__", via_object_setattr),
    ("__dict__ item", via_dict),
    ("vars() item", via_vars),
    ("__dict__.update", via_dict_update),
    ("through the class", through_class),
    ("through the class twice", through_class_twice),
    ("through a class tuple", through_class_tuple),
    ("__setattr__ override", setattr_override),
]:
    check(label, make)

gc.collect()
out = callback_cycle()
gc.collect()
print("weakref callback of a cycle:", out)

# Atoms only: freed at once by reference counting, with or without the collector.
gc.disable()
ref = weakref.ref(P(8))
print("atoms only, collector off:", "freed" if ref() is None else "alive")
gc.enable()


# __del__ runs when an instance dies, and at exit for one still alive, also when the class
# got its __del__ after the instance was made.
class D:
    def __init__(self, name):
        self.name = name


keep = D("kept until exit")
D.__del__ = lambda self: print("del", self.name)
D("dropped at once")
cyc = D("cycle")
cyc.me = cyc
del cyc
gc.collect()
print("end of script")
