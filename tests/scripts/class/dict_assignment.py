# `obj.__dict__ = d` replaces the instance dict with `d` itself (the same object afterwards).
class C:
    def __init__(self):
        self.a = 1


c = C()
d = {"x": 10, "y": 20}
c.__dict__ = d
print(c.__dict__ is d, vars(c), c.x, hasattr(c, "a"))
d["z"] = 30
c.w = 40
print(c.z, d, sorted(vars(c)))
for bad in [5, [("a", 1)], None]:
    try:
        c.__dict__ = bad
    except TypeError as e:
        print("TypeError", e)


class AttrDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.__dict__ = self


ad = AttrDict(a=1, b=2)
ad.c = 3
ad["d"] = 4
print(ad.a, ad.b, ad.c, ad.d, sorted(ad.items()))


class Proto:
    def __init__(self, **kw):
        self.__dict__ = dict(kw)

    def get(self):
        return self.k


ps = [Proto(k=i) for i in range(3)]
print([p.get() for p in ps], [p.k for p in ps])
c2 = C()
for _ in range(3):
    c2.a
c2.__dict__ = {"a": "replaced"}
print(c2.a)
