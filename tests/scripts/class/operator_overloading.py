# Arithmetic operators and their reflected/in-place forms.
class Vec:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"Vec{self.c}"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        return NotImplemented
    def __sub__(self, o): return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(*(a * k for a in self.c))
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return NotImplemented
    def __rmul__(self, k):
        print("  __rmul__")
        return self * k
    def __truediv__(self, k): return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k): return Vec(*(a // k for a in self.c))
    def __mod__(self, k): return Vec(*(a % k for a in self.c))
    def __pow__(self, k): return Vec(*(a ** k for a in self.c))
    def __neg__(self): return Vec(*(-a for a in self.c))
    def __matmul__(self, o): return "matmul"
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, w - v, v * 3, 3 * v, v * w, w / 2, w // 3, w % 3, v ** 2, -v, v @ w)
print(v == Vec(1, 2), v != w)
try:
    v + 1
except TypeError as e:
    print(e)
try:
    "s" * v
except TypeError as e:
    print(e)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self): return f"Acc{self.items}"
a = Acc()
alias = a
a += 1
a += 2
print(a, alias is a)
u = v
u += w
print(u, v, u is v)
class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v)
    def __repr__(self): return f"Bits({self.v:#b})"
print(Bits(12) & Bits(10), Bits(12) | Bits(10), Bits(12) ^ Bits(10), Bits(1) << 3, Bits(8) >> 2, ~Bits(0))
