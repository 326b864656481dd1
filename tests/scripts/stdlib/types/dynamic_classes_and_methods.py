# types.new_class with metaclasses and bases, MethodType binding, and type checks by name.
import types


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)


class Base:
    def hello(self):
        return f"hello from {type(self).__name__}"


Dyn = types.new_class("Dyn", (Base,), {"metaclass": Meta}, lambda ns: ns.update(x=1, y=[2]))
d = Dyn()
print(Dyn.__name__, Dyn.made_by, type(Dyn).__name__, d.hello(), Dyn.x, Dyn.y)


def greet(self, greeting):
    return f"{greeting}, {self.hello()}"


d.greet = types.MethodType(greet, d)
print(d.greet("hi"), d.greet.__self__ is d, d.greet.__func__ is greet)
print(isinstance(d.greet, types.MethodType), isinstance(greet, types.FunctionType))


def classify(obj):
    for name in ("FunctionType", "BuiltinFunctionType", "MethodType", "GeneratorType", "ModuleType"):
        if isinstance(obj, getattr(types, name)):
            return name
    return type(obj).__name__


print([classify(o) for o in (greet, len, d.hello, (i for i in ()), types, 3)])
