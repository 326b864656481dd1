class A:
    def __init_subclass__(cls, **kw):
        print("A", cls.__name__, kw)
class B(A):
    def __init_subclass__(cls, flag=None, **kw):
        print("B", cls.__name__, flag)
        super().__init_subclass__(**kw)
class C(B, flag=1, other=2): pass
print(type(A.__dict__["__init_subclass__"]).__name__, type(A.__dict__.get("__class_getitem__", 0)))
A.__init_subclass__()
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int])
