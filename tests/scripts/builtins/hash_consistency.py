# hash() of equal values is equal; small int hashes are themselves; never print str hashes.
print(hash(0), hash(1), hash(-1), hash(42), hash(-2), hash(True), hash(False))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30) == hash(10 ** 30))
print(hash(float("inf")), hash(float("-inf")), hash(0.5))
print(hash("abc") == hash("ab" + "c"), hash(b"xy") == hash(b"x" + b"y"), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(None) == hash(None), type(hash("s")).__name__)
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print(e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class BigH:
    def __hash__(self):
        return 2 ** 100
print(hash(BigH()) == hash(2 ** 100))
class BadH:
    def __hash__(self):
        return "no"
try:
    hash(BadH())
except TypeError as e:
    print(e)
