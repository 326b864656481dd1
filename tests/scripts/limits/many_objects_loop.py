# Creating and discarding many objects in a loop.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
total = 0
for i in range(40000):
    p = Point(i, -i)
    total += p.x + p.y + 1
print(total)
lists = [[i] * 3 for i in range(20000)]
print(len(lists), sum(l[0] for l in lists))
d = {}
for i in range(50000):
    d[i] = str(i)
for i in range(0, 50000, 2):
    del d[i]
print(len(d), d[49999], next(iter(d)))
s = "".join(str(i % 10) for i in range(60000))
print(len(s), s[:12], s.count("7"))
chain = None
for i in range(10000):
    chain = (i, chain)
n = 0
while chain is not None:
    n += 1
    chain = chain[1]
print(n)
