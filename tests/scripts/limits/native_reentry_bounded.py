# Native code that calls back into scripts (repr, sorted key=, __eq__ from dict lookups)
# raises RecursionError when it nests too deeply, never crashing the interpreter.
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print("recursive __repr__ caught")
def key(v):
    return sorted([v], key=key)
try:
    sorted([1], key=key)
except RecursionError:
    print("recursive sort key caught")
class Eq:
    def __eq__(self, other):
        return {Eq(): 1} == {Eq(): 1}
    def __hash__(self):
        return 1
try:
    Eq() == Eq()
except RecursionError:
    print("recursive __eq__ caught")
class Str:
    def __str__(self):
        return str(self)
try:
    print(Str())
except RecursionError:
    print("recursive __str__ caught")
print("still working", sum(range(10)))
