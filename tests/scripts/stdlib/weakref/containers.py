import weakref, gc, collections.abc
class K:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"K({self.n})"
    def m(self): return self.n * 10
ks = [K(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for k in ks: d[k.n] = k
print(len(d), sorted(d.keys()), d[2], 3 in d, d.get(9, "no"))
del ks[1]
print(len(d), sorted(d), 1 in d)
try: d[1]
except KeyError as e: print("KeyError", e)
print(isinstance(d, collections.abc.MutableMapping), repr(d).startswith("<WeakValueDictionary at 0x"))
print(sorted(d.items(), key=lambda kv: kv[0]), d.pop(0), len(d))
print(d.setdefault(7, ks[0]), len(list(d.valuerefs())))
kd = weakref.WeakKeyDictionary()
for k in ks: kd[k] = k.n * 2
print(len(kd), kd[ks[0]], ks[1] in kd, sorted(kd.values()))
ks.pop()
print(len(kd), sorted(k.n for k in kd))
ws = weakref.WeakSet(ks)
print(len(ws), ks[0] in ws, sorted(k.n for k in ws))
ks.pop(0)
print(len(ws), sorted(k.n for k in ws), repr(weakref.WeakSet()))
ws2 = weakref.WeakSet([ks[0]])
print(ws2 <= ws, ws == weakref.WeakSet(ks), len(ws | ws2), len(ws - ws2))
print(type(ws))
o = K(8)
def bye(*a, **kw): print("bye", a, kw)
f = weakref.finalize(o, bye, 1, x=2)
print(f.alive, f.atexit, f.peek()[1] is bye)
del o
print(f.alive)
o2 = K(9)
f2 = weakref.finalize(o2, bye, 2)
print(f2.detach()[2], f2.alive, f2.detach())
f3 = weakref.finalize(o2, bye, 3)
print(f3(), f3.alive, f3())
f4 = weakref.finalize(o2, bye, "at exit")
f5 = weakref.finalize(o2, bye, "at exit 5")
f6 = weakref.finalize(o2, bye, "not at exit"); f6.atexit = False
def mk():
    km = K(4)
    wm = weakref.WeakMethod(km.m)
    print(wm()(), wm() == km.m, wm == weakref.WeakMethod(km.m), hash(wm) == hash(weakref.WeakMethod(km.m)))
    wm2 = weakref.WeakMethod(km.m, lambda w: print("wm dead", w is wm2))
    return wm, wm2
wm, wm2 = mk()
print(wm(), wm2())
try: weakref.WeakMethod(len)
except TypeError as e: print(e)
print("done")
