# Rich comparisons, reflection of < into >, sorting custom objects.
verbose = True
class V:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        if verbose:
            print(f"  {self.n}.__lt__({o.n})")
        return self.n < o.n
    def __repr__(self): return f"V{self.n}"
a, b = V(1), V(2)
print(a < b)
print(b > a)
verbose = False  # the comparison sequence of sorting is not part of the contract
print(sorted([V(3), V(1), V(2)]))
verbose = True
try:
    a <= b
except TypeError as e:
    print(e)
class Full:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __le__(self, o): return self.n <= o.n
    def __gt__(self, o): return self.n > o.n
    def __ge__(self, o): return self.n >= o.n
x, y = Full(1), Full(1)
print(x == y, x < y, x <= y, x > y, x >= y, x != y)
print(max(Full(3), Full(7), key=lambda f: f.n).n, min([Full(4), Full(2)]).n)
