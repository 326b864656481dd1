# Dead instances' attribute dicts are emptied and reused for new instances of the class: a
# new instance must never see an earlier instance's attributes, and a dict still referenced
# (obj.__dict__ kept, vars(), a __del__ that saves it) must stay intact.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)


p = V(0, 0)
for i in range(10):
    t = V(i, -i)
    t.extra = i
    p = p.add(t)
print(vars(p), hasattr(p, "extra"))

kept = []
for i in range(6):
    v = V(i, i * 2)
    v.tag = "t%d" % i
    kept.append(v.__dict__)
    del v
print(kept)
fresh = [V(9, 9) for _ in range(6)]
print([vars(f) for f in fresh], kept[0], kept[5])
print(all(f.__dict__ is not d for f in fresh for d in kept))


class Saver:
    saved = []

    def __init__(self, n):
        self.n = n
        self.payload = [n] * 3

    def __del__(self):
        Saver.saved.append(self.__dict__)


for i in range(3):
    Saver(i)
s = Saver(100)
del s
print(Saver.saved)
print([vars(Saver(7)) for _ in range(2)][0])

# Instances with many attributes (a dict with a hash index) and dicts emptied by hand.
class Wide:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)


for n in (20, 3, 15, 0):
    w = Wide(n)
    print(n, len(vars(w)), sorted(vars(w))[:3])
    w.__dict__.clear()
    w.z = 1
    print(vars(w))
    del w
print(vars(Wide(2)))
