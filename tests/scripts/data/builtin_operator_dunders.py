# Operator methods of builtin types called by name, on instances and on subclasses via
# super(); NotImplemented for operand types a slot does not handle; method reprs.
print(hasattr(3, '__add__'), (3).__add__(4), int.__add__(3, 4), [1].__len__(), 'ab'.__contains__('a'))
print((5).__radd__(1), (2.5).__mul__(2), 'a'.__add__('b'), [1].__add__([2]), (1).__eq__(1.0), (1).__lt__(2))
print({}.__contains__(1), [3, 1].__getitem__(0), 'x'.__mul__(3), (3).__neg__(), (3).__bool__(), (1).__hash__())
print(object.__eq__(1, 1), object.__ne__(1, 2), object.__repr__(1)[:13], (3).__sub__(1.5), (3).__truediv__(2))
print(int.__mul__(3, 'a') , (3).__index__(), (7).__floordiv__(2), (7).__mod__(3), (2).__pow__(3), (7).__divmod__(2))
print(sorted(n for n in dir(int) if n.startswith('__') and n in ('__add__', '__abs__', '__and__', '__bool__')))
print(str.__len__('abc'), list.__getitem__([1,2], 1), dict.__getitem__({'a': 1}, 'a'), tuple.__len__((1,)))
print(float.__add__(1.0, 1), float.__eq__(1.0, 1), (1.5).__floor__(), (1.5).__round__(), (2.5).__trunc__())
class MyInt(int):
    def __add__(self, other):
        r = super().__add__(other)
        return NotImplemented if r is NotImplemented else MyInt(r * 10)
    def __repr__(self):
        return f"MyInt({int(self)})"
print(MyInt(2) + 3, 3 + MyInt(2), MyInt(2) + 1.5, MyInt(1) == 1.0, MyInt(3) < 4.5)
class L(list):
    def __eq__(self, other):
        return super().__eq__(other)
    def __add__(self, other):
        return L(super().__add__(other))
print(L([1]) + [2], type(L([1]) + [2]).__name__, L([1]) == [1], L([1]) != [2])
try:
    hash(L())
except TypeError as e:
    print(e)
class D(dict):
    pass
try:
    hash(D())
except TypeError as e:
    print(e)
class S(str):
    def __hash__(self):
        return super().__hash__()
print(hash(S("ab")) == hash("ab"), S("x") * 2, "%s-%s" % (S("a"), 1))
class F(float):
    pass
print(F(1.5) + 1, round(F(2.5)), abs(F(-2.0)), -F(1.0), F(3.7).__floor__(), int(F(3.9)), float(F(2)))
print(sorted(n for n in dir(int) if n in ('__add__', '__radd__', '__hash__', '__index__')))
print({1}.__or__([2]), frozenset([1]).__hash__() == hash(frozenset([1])), {1}.__le__({1, 2}))
s = {1}; s.__ior__({2}); print(s)
l = [1]; print(l.__iadd__([2]) is l, l, l.__mul__(2), l.__rmul__(2))
print(divmod(7, 2), (7).__divmod__(2), (7.5).__rdivmod__(2), (2).__pow__(10, 1000), (2).__rpow__(3))
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    [1].__add__((2,))
except TypeError as e:
    print(e)
print(True.__and__(False), True.__or__(1), (5).__bool__(), (0.0).__bool__(), (3).__ceil__(), (2.5).__round__(), (2.567).__round__(2))
print(bytes.__add__(b'a', b'b'), b'ab'.__mul__(2), b'%d' .__mod__(5), {'a':1}.__or__({'b':2}))
print(list.append, str.join, int.__dict__['bit_length'], object.__init__, str.__len__, object.__format__, int.__round__, int.__add__)
