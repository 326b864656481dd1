# A str, list or tuple times an object with __index__ repeats it, on either side, unless the
# object's own __mul__/__rmul__ answers first.
class Two:
    def __index__(self):
        return 2
class Mul(Two):
    def __rmul__(self, other):
        return "rmul wins"
    def __mul__(self, other):
        return "mul wins"
print("ab" * Two(), Two() * "ab", [0] * Two(), Two() * (1,), "x" * Mul(), Mul() * "x")
try:
    "ab" * object()
except TypeError as e:
    print(e)
class Neg:
    def __index__(self):
        return -3
print(repr("ab" * Neg()), [1] * Neg())
