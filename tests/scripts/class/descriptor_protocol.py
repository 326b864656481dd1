# Descriptors: __set_name__, data descriptors beat the instance dict, non-data ones do not.
class Field:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Field {self.name} of {self.owner}>"
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value * 2
    def __delete__(self, obj):
        print("  deleting", self.name)
        obj.__dict__.pop("_" + self.name, None)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value
class Model:
    size = Field()
    @Lazy
    def expensive(self):
        print("  computing")
        return 99
m = Model()
print(m.size, Model.size)
m.size = 5
print(m.size, sorted(vars(m)))
m.__dict__["size"] = "shadow"
print(m.size)
del m.size
print(m.size)
print(m.expensive, m.expensive, "expensive" in vars(m))
class Const:
    def __get__(self, obj, objtype=None):
        return "const"
class Holder:
    c = Const()
h = Holder()
h.__dict__["c"] = "instance wins"
print(h.c, Holder.c)
print(type(Model.__dict__["size"]).__name__, isinstance(Model.__dict__["expensive"], Lazy))
