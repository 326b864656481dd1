# The cycle collector runs __del__ of instances in cyclic garbage (PEP 442), once, before
# freeing them; a finalizer can resurrect the cycle.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("finalize", self.name, "other is", self.other.name)


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collected", gc.collect())
print("collected again", gc.collect())

saved = []


class Phoenix:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("Phoenix resurrected")
        saved.append(self)


Phoenix()
print("collected", gc.collect())


def show():
    print("alive", len(saved), saved[0].me is saved[0])


show()
saved.clear()
print("collected after clear", gc.collect())
print("end")
