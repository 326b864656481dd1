# Deep but bounded nesting of data and iteration.
nested = []
cur = nested
for i in range(200):
    nxt = []
    cur.append(i)
    cur.append(nxt)
    cur = nxt
def depth(x):
    d = 0
    while isinstance(x, list) and x:
        x = x[-1]
        d += 1
    return d
print(depth(nested))
s = str(nested)
print(len(s), s[:30], s.count("["))
def gen_chain(n):
    g = iter(range(5))
    for _ in range(n):
        g = (v + 1 for v in g)
    return g
print(list(gen_chain(100)))
