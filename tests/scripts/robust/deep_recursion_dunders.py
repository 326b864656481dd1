# Runaway recursion through dunder methods, key functions and str() ends in RecursionError
# (caught, the depth never printed); self-containing containers print as [...] / {...}.
class SelfRepr:
    def __repr__(self):
        return "R" + repr(self)

class SelfEq:
    def __eq__(self, other):
        return self == other

class SelfHash:
    def __hash__(self):
        return hash(self)

class SelfLt:
    def __lt__(self, other):
        return self < other

class SelfStr:
    def __str__(self):
        return str(self)

class SelfLen:
    def __len__(self):
        return len(self)

class SelfAttr:
    def __getattr__(self, name):
        return getattr(self, name)

def attempt(label, thunk):
    try:
        thunk()
        print(label, "returned")
    except RecursionError:
        print(label, "RecursionError")

attempt("repr", lambda: repr(SelfRepr()))
attempt("repr in list", lambda: repr([1, SelfRepr()]))
attempt("str of list", lambda: str([SelfRepr()]))
attempt("eq", lambda: SelfEq() == SelfEq())
attempt("list eq", lambda: [SelfEq()] == [SelfEq()])
attempt("in list", lambda: SelfEq() in [1, 2, SelfEq()])
attempt("hash", lambda: hash(SelfHash()))
attempt("set add", lambda: {SelfHash()})
attempt("dict key", lambda: {SelfHash(): 1})
attempt("sorted lt", lambda: sorted([SelfLt(), SelfLt()]))
attempt("min lt", lambda: min(SelfLt(), SelfLt()))
attempt("str", lambda: str(SelfStr()))
attempt("f-string", lambda: f"{SelfStr()}")
attempt("len", lambda: len(SelfLen()))
attempt("getattr", lambda: SelfAttr().missing)

def key(x):
    return key(x)

attempt("sorted key", lambda: sorted([3, 1, 2], key=key))
attempt("max key", lambda: max([3, 1, 2], key=key))

def gen(n):
    yield from gen(n + 1)

attempt("yield from", lambda: list(gen(0)))

# Self-containing structures: CPython prints the back-reference as [...] or {...}.
xs = [1, 2]
xs.append(xs)
d = {"k": 1}
d["self"] = d
both = [d, xs]
d["list"] = both
print(xs, str(xs), repr(xs))
print(d)
print(both)
t = ([],)
t[0].append(t)
print(t)
class Holder:
    def __init__(self):
        self.items = {1}
    def __repr__(self):
        return f"Holder({self.items!r})"
h = Holder()
h.items = (h, [h])
print(h)
class Back:
    def __init__(self, home):
        self.home = home
    def __repr__(self):
        return f"Back({self.home!r})"
home = set()
home.add(Back(home))
print(home, frozenset([Back(home)]))
print(sorted([[3], [1], [2]], key=lambda v: v[0]))
xs2 = [xs, xs]
print(xs2)
print(xs == xs, xs2 == xs2)
try:
    ys = [1]
    ys.append(ys)
    zs = [1]
    zs.append(zs)
    print(ys == zs)
except RecursionError:
    print("ys == zs RecursionError")

# Data nested far deeper than the recursion limit.
deep = []
for _ in range(100000):
    deep = [deep]
attempt("deep repr", lambda: repr(deep))
attempt("deep str", lambda: str(deep))
other = []
for _ in range(100000):
    other = [other]
attempt("deep eq", lambda: deep == other)
attempt("deep lt", lambda: deep < other)
dd = {}
for _ in range(100000):
    dd = {"k": dd}
attempt("deep dict repr", lambda: repr(dd))
tt = ()
for _ in range(100000):
    tt = (tt,)
attempt("deep tuple repr", lambda: repr(tt))
del deep, other, dd, tt
print("done")
