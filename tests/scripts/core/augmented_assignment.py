# Augmented assignment on names, attributes, subscripts; evaluation order.
log = []
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 4
b.v *= 3
print(b.v)
d = {"k": [1]}
d["k"] += [2]
d["k"] *= 2
print(d)
def key():
    log.append("key")
    return "n"
counts = {"n": 0}
counts[key()] += 1
print(counts, log)
t = (1, 2)
t += (3,)
print(t)
s = "ab"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2]
print(alias, alias is lst)
tup = (1,)
alias2 = tup
tup += (2,)
print(alias2, tup, alias2 is tup)
x = 7
x //= 2; x **= 3; x %= 10; x <<= 2; x >>= 1; x |= 8; x &= 14; x ^= 5
print(x)
f = 1.5
f /= 0.5
print(f)
