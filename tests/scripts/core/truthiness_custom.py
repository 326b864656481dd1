# Truthiness: __bool__, then __len__, else always true.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("  __bool__", self.v)
        return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("  __len__", self.n)
        return self.n
class Both(L):
    def __bool__(self):
        print("  Both.__bool__")
        return True
class Plain:
    pass
for obj in [B(True), B(False), L(0), L(3), Both(0), Plain()]:
    print(type(obj).__name__, bool(obj))
if L(0):
    print("unreachable")
else:
    print("empty L is falsy")
print("not:", not B(False))
print("and/or:", (B(False) or "fallback"))
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print(e)
