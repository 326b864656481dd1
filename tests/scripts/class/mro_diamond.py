# C3 linearisation for diamonds and more complex hierarchies.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
print([k.__name__ for k in M.mro()])
class P(A): 
    def who(self): return "P"
class Q(A):
    def who(self): return "Q"
class R(Q, P): pass
print(R().who(), [k.__name__ for k in R.__mro__])
try:
    class Bad(A, B): pass
except TypeError as e:
    print(e)
print(object.__mro__, bool.__mro__)
