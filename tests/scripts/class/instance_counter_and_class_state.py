# Class-level state shared by instances; per-subclass counters via cls.
class Tracked:
    created = 0
    registry = []
    def __init__(self, name):
        type(self).created += 1
        Tracked.registry.append(name)
        self.name = name
class Special(Tracked):
    created = 0
for n in "abc":
    Tracked(n)
Special("s1"); Special("s2")
print(Tracked.created, Special.created, Tracked.registry)
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.nxt = val, nxt
    def __iter__(self):
        node = self
        while node:
            yield node.val
            node = node.nxt
    def __repr__(self):
        return " -> ".join(map(str, self))
lst = Node(1, Node(2, Node(3)))
print(lst, list(lst), len(list(lst)), sum(lst))
