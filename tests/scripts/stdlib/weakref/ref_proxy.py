import weakref, gc
class C:
    def __init__(self, n): self.n = n
    def m(self): return self.n
    def __repr__(self): return f"C({self.n})"
c = C(1)
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, weakref.getweakrefcount(c))
def cb(wr): print("callback", wr is r2, wr())
r2 = weakref.ref(c, cb)
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r, r2], r2.__callback__ is cb)
print(hash(r) == hash(c), r == r2, r != r2)
try: weakref.ref(1)
except TypeError as e: print(e)
for v in ("s", (1,), [1], {}, object(), None, 2.5, b"x"):
    try: weakref.ref(v)
    except TypeError as e: print(e)
print(weakref.ref({1}) is not None, weakref.ref(frozenset()) is not None)
class S:
    __slots__ = ("a",)
try: weakref.ref(S())
except TypeError as e: print(e)
class SW:
    __slots__ = ("a", "__weakref__")
sw = SW(); print(weakref.ref(sw)() is sw)
del c
print("after del", r(), r2())
try: hash(r2)
except TypeError as e: print(e)
print(r == r, r == r2)
x = C(2)
p = weakref.proxy(x)
print(p.n, p.m(), str(p), type(p) is weakref.ProxyType)
p.n = 5
print(x.n, p.__class__)
del x
try: p.n
except ReferenceError as e: print("ReferenceError", e)
def f(): return 42
pf = weakref.proxy(f)
print(type(pf) is weakref.CallableProxyType, pf())
# callbacks order: newest first
y = C(3)
rs = [weakref.ref(y, lambda w, i=i: print("cb", i)) for i in range(3)]
y = None
print("end")
# Subclasses of int, tuple and bytes cannot be weakly referenced; str, float, list and dict
# subclasses can.
for base, arg in ((int, 1), (str, "s"), (tuple, ()), (bytes, b"b"), (float, 1.5), (list, []), (dict, {})):
    sub = type("Sub" + base.__name__, (base,), {})
    inst = sub(arg)
    try:
        print(base.__name__, weakref.ref(inst)() is inst)
    except TypeError as e:
        print(base.__name__, e)
