# Regression: freeing deeply nested values (lists, dicts, tuples, linked objects, iterator
# chains, exception chains) used to recurse once per level and overflow the native stack.
x = []
for i in range(200000):
    x = [x]
x = None
d = {}
for i in range(200000):
    d = {"k": d}
d = None
t = ()
for i in range(200000):
    t = (t, i)
t = None
print("containers freed")
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(200000):
    head = Node(head)
head = None
print("linked list freed")
g = iter(range(3))
for _ in range(50000):
    g = (v + 1 for v in g)
g = None
m = iter(range(3))
for _ in range(50000):
    m = map(abs, m)
m = None
print("iterator chains freed")
e = None
for i in range(50000):
    try:
        raise ValueError(i) from e
    except ValueError as caught:
        e = caught
e = None
print("exception chain freed")
