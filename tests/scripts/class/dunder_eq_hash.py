# __eq__ and __hash__: defining __eq__ removes hashing unless __hash__ given.
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self): return f"P({self.x},{self.y})"
a, b = P(1, 2), P(1, 2)
print(a == b, a is b, a != b, a == (1, 2), hash(a) == hash(b))
print(len({a, b}), {a: "first", b: "second"})
class NoHash:
    def __eq__(self, other): return True
print(NoHash.__hash__ is None)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
try:
    {NoHash()}
except TypeError as e:
    print(e)
class Ident:
    pass
i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, i1 != i2, hash(i1) == hash(i1))
class NeOnly:
    def __eq__(self, o): return "custom"
print(NeOnly() == 1, NeOnly() != 1)
