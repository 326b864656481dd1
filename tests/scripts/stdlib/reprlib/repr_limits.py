import reprlib, collections, array
from reprlib import Repr, recursive_repr
r = reprlib.repr
print(r(list(range(20))), r(tuple(range(3))), r((1,)), r(()), r([]))
print(r(set(range(20))), r(frozenset("abcdefgh")), r(set()), r(frozenset()))
print(r({i: str(i) for i in range(10)}), r({}), r({1: {2: {3: {4: {5: {6: {7: 8}}}}}}}))
print(r("a" * 100), r("short"), r("x" * 30), r("y" * 31), r(2 ** 200), r(12345))
print(r(collections.deque(range(10))), r(array.array("i", range(10))), r(array.array("d")))
print(r([[[[[[[[1]]]]]]]]), r([[[[[[[]]]]]]]))
class Big:
    def __repr__(self): return "B" * 50
class Bad:
    def __repr__(self): raise ValueError
print(r(Big()), r(Bad()).startswith("<Bad instance at 0x"), r(3.5), r(None), r(b"x" * 50))
a = Repr(); a.maxlist = 2; a.fillvalue = "+++"; a.maxstring = 10; a.maxlevel = 2
print(a.repr([1, 2, 3]), a.repr("abcdefghijklmnop"), a.repr([[[1]]]), a.repr({1: [[2]]}))
class MyRepr(Repr):
    def repr_Big(self, x, level): return "<big>"
print(MyRepr().repr([Big(), Big()]), r({"b": 1, 2: 3, "a": 4}))
class L(list):
    @recursive_repr()
    def __repr__(self): return "<" + "|".join(map(repr, self)) + ">"
l = L([1, 2]); l.append(l)
print(repr(l), L.__repr__.__name__, L.__repr__.__qualname__)
class L2(list):
    @recursive_repr("RECUR")
    def __repr__(self): return "L2" + list.__repr__(self)
x = L2([1]); x.append([x])
print(repr(x))
print(reprlib.aRepr.maxdict, reprlib.aRepr.maxother, r(type), r(len))
