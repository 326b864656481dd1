# Unbounded recursion raises RecursionError, which can be caught; the exact depth is not part of the contract.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught", type(e).__name__, isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print("recursive __repr__ caught")
def depth_ok(n):
    return 0 if n == 0 else 1 + depth_ok(n - 1)
print("depth 400 fine:", depth_ok(400))
print("still working after recovery:", sum(range(10)))
