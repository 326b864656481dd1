# Metaclasses: __call__ (a singleton), __init__ (a registry), and type(cls) of subclasses.
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self, v): self.v = v
print(One(1) is One(2), One(3).v)
class Reg(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Reg.registry.append(name)
class AddAttr(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["added"] = kw.get("value", "default")
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = mcs.__name__
        return cls
class W(metaclass=AddAttr, value=7):
    pass
class W2(W):
    pass
print(W.added, W2.added, W.created_by, type(W2).__name__)
Dyn = type("Dyn", (W,), {"x": 1})
print(type(Dyn).__name__, Dyn.added, Dyn.x, Dyn.__bases__[0].__name__)
class Meta(type):
    def describe(cls):
        return f"class {cls.__name__}"
class Described(metaclass=Meta):
    pass
print(Described.describe(), hasattr(Described(), "describe"))
