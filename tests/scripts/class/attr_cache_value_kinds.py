# Cached attribute loads and method lookups write ints and floats by tag and payload and
# other values by reference: registers that held any kind of value before, a load into the
# register of its own object (x = x.next), and method calls whose receiver register is reused.


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt

    def get(self):
        return self.v

    def succ(self):
        return self.next


def chain(n):
    head = None
    for i in range(n):
        head = Node(i if i % 3 == 0 else (float(i) if i % 3 == 1 else str(i)), head)
    return head


def walk(x):
    out = []
    while x is not None:
        out.append(x.v)
        x = x.next
    return out


def walk_methods(x):
    out = []
    while x is not None:
        out.append(x.get())
        x = x.succ()
    return out


h = chain(9)
print(walk(h))
print(walk_methods(h))

# One register holding an int, a float, a str, an object and None in turn.
vals = [Node(1, None), Node(2.5, None), Node("s", None), Node([1, 2], None), Node(None, None), Node(10**30, None)]
for _ in range(3):
    acc = []
    for n in vals:
        r = n.v
        acc.append(r)
        r = n
        acc.append(type(r.v).__name__)
    print(acc)

# Objects released when the register they were loaded into is overwritten.
class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


holder = Node(Loud("a"), None)
t = holder.v
holder.v = Loud("b")
t = holder.v
print("before overwrite")
t = 0
print("after overwrite", t)
holder.v = 3.0
print(holder.v + 1)

# Instance attribute shadowing a method after the cache was filled, then removed again.
n = Node(5, None)
for i in range(4):
    if i == 2:
        n.get = lambda: "shadow"
    if i == 3:
        del n.get
    print(n.get())

# A method replaced on the class after the cache was filled.
for i in range(3):
    if i == 1:
        Node.get = lambda self: ("replaced", self.v)
    print(n.get())
