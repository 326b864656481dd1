# The TypeError of an operator a builtin subclass does not support names the subclass
# (gyre named the builtin: 'dict' for a Counter).
import collections


class D(dict):
    pass


class L(list):
    pass


class I(int):
    pass


class S(str):
    pass


cases = [lambda: D() + 1, lambda: 1 - D(), lambda: L() - L(), lambda: L() * 1.5,
         lambda: I(3) + "x", lambda: S("a") - 1, lambda: S("a") + 1, lambda: L([1]) + (2,),
         lambda: collections.Counter() @ 1, lambda: D() | 3, lambda: I(2) @ I(3)]
for f in cases:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(L([1]) + [2], I(2) + I(3), S("a") + "b", D(a=1) | {"b": 2})
