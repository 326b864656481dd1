# Operators the VM runs in quickened (specialised) forms: in-place add/sub/mul, add/sub of a
# small constant, comparisons fused with their jump; objects with their own protocol, NaN
# and int overflow must behave as without the specialisation.
class W:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return [] if self.v >= o else [1]
    def __iadd__(self, o): self.v += o; return self
    def __isub__(self, o): self.v -= o; return self
    def __sub__(self, o): return W(self.v - o)
w = W(0)
n = 0
while w < 5:
    w += 1
    n += 1
print(n, w.v)
x = float('nan')
print(1 if x < 2 else 0, 1 if x < 2.0 else 0, 1 if 3 > 2 else 0)
for i in range(5):
    if i < 3 and i != 1:
        print("a", i)
    elif not (i < 4):
        print("b", i)
w -= 3
print(w.v, (w - 1).v)
a = 2**62
a += 2**62
print(a, a - 1, 10 - 2**63)
t = 1.5; t -= 3; t *= 2; print(t)
s = "ab"; s += "c"; s *= 2; print(s)
l = [1]; l += [2]; l *= 2; print(l)
# float ** with a positive base (fast path) and the cases it leaves to the general path
for a, b in [(2.0, 0.5), (1.0, float('nan')), (10.0, 400.0), (0.0, -1.0), (float('inf'), 2.0), (1e-300, 2.0), (4, 0.5)]:
    try:
        print(a ** b)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
# str.split without a separator, ASCII and not
for c in ["", " ", " a ", "a b  c\t\nd\x1c e\x1f", "  lead trail  ", "x\x0by\x0cz", "a\u3000b", "a\xa0b c"]:
    print([c.split(None, m) for m in (-1, 0, 1, 2)])
# int // and % round toward negative infinity
for x in (7, -7, 6, -6, 0, 2**62, -2**63 + 1, -2**63):
    print([(x // y, x % y) for y in (3, -3, 1, -1, 2**40, -(2**40))])
