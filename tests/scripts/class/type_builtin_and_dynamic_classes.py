# type() of values and 3-argument type() creating classes.
for v in [1, 1.0, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), len, type, object()]:
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(True) is bool, type(type(1)) is type)
def hello(self):
    return f"hello from {type(self).__name__} x={self.x}"
Dyn = type("Dyn", (), {"x": 5, "hello": hello})
d = Dyn()
print(Dyn.__name__, d.hello(), d.x, Dyn.__bases__[0].__name__)
Sub = type("Sub", (Dyn,), {"x": 6})
print(Sub().hello(), issubclass(Sub, Dyn), [k.__name__ for k in Sub.__mro__])
print(type(Dyn).__name__, type(d) is Dyn)
class Meta(type):
    def describe(cls):
        return "class " + cls.__name__
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.describe(), type(WithMeta).__name__, isinstance(WithMeta, Meta))
