# A `for` loop over a list or tuple run again (an inner loop): the exhausted iterator the
# last run left behind may be reset in place. Nothing may tell: each run starts at the
# front of the sequence it is given now, sees mutations, and any iterator held elsewhere,
# left half way (break, an exception) or of another kind gets a fresh one.
import weakref

rows = [[1, 2, 3], (4, 5), [], (), [6], ["a", "b"]]
for r in range(3):
    out = []
    for row in rows:
        for x in row:
            out.append(x)
    print(r, out)

# The same loop site fed a list, a tuple, a range, a str, a dict and a generator in turn.
def mixed():
    return [[1, 2], (3, 4), range(2), "xy", {"k": 1}, (i * i for i in range(3)), [5]]

for seq in mixed() * 2:
    print(type(seq).__name__, [x for x in seq], end=" | ")
    for x in seq:
        print(x, end=" ")
    print()

# The list changed while its loop runs and between runs; the list replaced.
data = [1, 2, 3]
for run in range(3):
    seen = []
    for x in data:
        seen.append(x)
        if x == 2 and run == 1:
            data.append(99)
    print("run", run, seen)
    data = data[1:] + [run]

# break and an exception leave the iterator part way: the next run starts from the front.
src = [10, 20, 30, 40]
for run in range(3):
    got = []
    try:
        for x in src:
            got.append(x)
            if x == 20 and run == 0:
                break
            if x == 30 and run == 1:
                raise ValueError(x)
    except ValueError as e:
        got.append("raised %s" % e)
    print("partial", run, got)

# An iterator held by the script is never reset under it.
held = []
for run in range(3):
    it = iter([run, run + 1])
    for x in it:
        pass
    held.append(it)
    print("held", run, list(it), type(it).__name__)
print([list(h) for h in held])

# Iterator types and identity of fresh iterators.
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(1))).__name__)
a = iter([1])
b = iter([1])
print(a is b, next(a), next(b), next(a, "done"))

# A weak reference to a list iterator keeps it from being reused (it must die as usual).
class Box:
    pass

alive = []
for run in range(3):
    it = iter([1, 2])
    try:
        r = weakref.ref(it)
    except TypeError as e:
        alive.append("no weakref: %s" % e)
        break
    del it
    alive.append(r() is None)
print(alive)

# Subclasses of list and tuple with and without their own __iter__ at the same site.
class L(list):
    pass

class R(list):
    def __iter__(self):
        return iter(["overridden"])

class T(tuple):
    pass

for run in range(2):
    for seq in [L([1, 2]), R([3]), T((4,)), [5], (6,)]:
        print([x for x in seq], end=" ")
        for x in seq:
            print(x, end=",")
    print()

# Nested loops over the same list, and a loop whose body rebinds the loop's source.
same = [1, 2]
pairs = []
for run in range(2):
    for x in same:
        for y in same:
            pairs.append((x, y))
print(pairs)

def rebind():
    seq = [1, 2, 3]
    out = []
    for _ in range(3):
        for x in seq:
            out.append(x)
        seq = (x * 10 for x in seq) if len(out) < 4 else [0]
        seq = list(seq)
    return out

print(rebind())
