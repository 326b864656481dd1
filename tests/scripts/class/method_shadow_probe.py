# A cached method call on an instance whose attribute dict may shadow the method: the key
# filter of the dict answers "maybe" (in gyre `add` shares its filter bit with `y`), and the
# probe must find a shadowing key whether it is the interned name or an equal str built at
# run time, and must not find one that is absent.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)

    def total(self):
        return self.x + self.y


def run(vs):
    out = []
    for v in vs:
        r = v.add(V(1, 1))
        out.append(r.total() if isinstance(r, V) else r)
    return out


vs = [V(i, 2 * i) for i in range(4)]
print(run(vs))
vs[1].add = lambda o: "interned"
vs[2].__dict__["".join(["a", "d", "d"])] = lambda o: "built"
print(run(vs))
del vs[1].add
del vs[2].__dict__["add"]
print(run(vs))
for k in ["a" + str(i) for i in range(12)]:
    setattr(vs[3], k, k)
print(run(vs))
vs[3].add = lambda o: "indexed"
print(run(vs))
