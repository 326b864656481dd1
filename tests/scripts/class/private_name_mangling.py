# Private names (`__x` inside a class) are mangled to `_Class__x`: names, attributes,
# parameters, def/class bindings, imports, except/match targets, globals, __slots__.
class C:
    __slots_like = 1
    def __init__(self, __a=5):
        self.__x = __a
        self.__y__ = 2
    def get(self):
        return self.__x
    def __priv(self):
        return "priv"
    def call(self):
        return self.__priv()
    def kw(self):
        def f(**k): return k
        return f(__z=1)
    class __Inner:
        pass
    def comp(self):
        return [__i for __i in range(2)]
    def g(self):
        global __gv
        __gv = 7
        return __gv
c = C()
print(c.get(), c._C__x, sorted(k for k in vars(c)), c.call(), c.kw())
print(C._C__Inner.__name__, C._C__Inner.__qualname__, C._C__priv.__name__, C._C__priv.__qualname__)
print(c.comp(), c.g(), _C__gv)
print(C.__init__.__code__.co_varnames)
class __D:
    __q = 1
print(__D._D__q)
class ___:
    __r = 1
print(___.__r)
class E:
    __slots__ = ('__s',)
    def __init__(self): self.__s = 3
print(E()._E__s, E.__slots__)

class F:
    import os as __o
    from os import sep as __pp
    def m(self):
        try:
            raise ValueError
        except ValueError as __e:
            return type(__e).__name__
print(F._F__o.__name__, F._F__pp, F().m())
class G:
    def m(self, x):
        match x:
            case {"a": __v}:
                return __v
    __h = lambda self, __k: __k
print(G().m({"a": 4}), G()._G__h(9))
print(getattr(c, '__x', 'nope'), hasattr(c, '_C__x'))
class A:
    def __init__(self):
        self.__v = 1
    def show(self):
        return self.__v
class B(A):
    def __init__(self):
        super().__init__()
        self.__v = 2
    def mine(self):
        return self.__v
b = B()
print(b.show(), b.mine(), sorted(vars(b).items()))
class Account:
    __count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1
    @property
    def balance(self):
        return self.__balance
    def deposit(self, amt):
        self.__balance += amt
    @classmethod
    def count(cls):
        return cls.__count
a = Account("x", 10); a.deposit(5)
print(a.balance, Account.count(), a._Account__balance)
try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(a, "__balance"), getattr(a, "_Account__balance"))
class _Under:
    def __m(self): return 1
    def call(self): return self.__m()
print(_Under().call(), [n for n in dir(_Under) if 'm' in n and n.startswith('_U')])
class Outer:
    class Inner:
        def __init__(self): self.__z = 1
    def make(self):
        i = self.Inner()
        return vars(i)
print(Outer().make())
class K:
    def f(self):
        __local = 3
        def g():
            return __local
        return g(), g.__code__.co_freevars
print(K().f())
class N:
    def __repr__(self): return "N"
    __eq__ = lambda s, o: True
print(N(), N() == 1)
def outside():
    __x = 1
    return __x
print(outside())
class D:
    __slots__ = ('__a', 'b')
print(sorted(k for k in D.__dict__ if 'a' in k or k == 'b'), D._D__a)
import dataclasses
@dataclasses.dataclass
class P:
    __hidden: int = 4
print(P(), [f.name for f in dataclasses.fields(P)])
class T:
    def __init__(self):
        self.__dict__['__raw'] = 1
    def get(self):
        return getattr(self, '__raw'), self.__dict__
print(T().get())
