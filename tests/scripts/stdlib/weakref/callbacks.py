import weakref, gc
class C:
    pass
class D:
    def __del__(self): print("del D")
def cb(w): print("cb", type(w).__name__)
d = D()
r = weakref.ref(d, cb)
del d
print("after d")
def g(): pass
rg = weakref.ref(g, cb)
del g
print("after g", rg())
a = C(); b = C(); a.b = b; b.a = a
ra = weakref.ref(a, cb)
del a, b
print("before collect")
gc.collect()
print("after collect", ra())
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, extra=0):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, extra=0):
        super().__init__(ob, callback)
        self.extra = extra
c = C()
mr = MyRef(c, None, 5)
print(mr.extra, mr() is c, mr is not weakref.ref(c), weakref.getweakrefcount(c))
def scope():
    x = C()
    weakref.finalize(x, print, "finalized x")
    print("leaving scope")
scope()
print("after scope")
print(weakref.ref(C) () is C, weakref.ref(print)() is print)
s = {1, 2}
rs = weakref.ref(s, cb)
del s
print("after set", rs())
class T:
    def method(self): pass
t = T()
p = weakref.proxy(t)
print(p == t, bool(p))
lst = C()
pl = weakref.proxy(lst)
try: hash(pl)
except TypeError as e: print(e)
print(weakref.ref(c) == weakref.ref(c), weakref.proxy(c) is weakref.proxy(c))
def gen(): yield 1
print(weakref.ref(gen())() is None or True)
try: weakref.ref(c, None, 3)
except TypeError as e: print(e)
