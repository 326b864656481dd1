# A metaclass's __setattr__/__delattr__ run for stores into and deletions from its
# classes; type.__setattr__ through super() stores for real.
class Locked(type):
    def __setattr__(cls, name, value):
        if name.startswith("frozen"):
            raise AttributeError(f"{name} is frozen")
        print("set", cls.__name__, name, value)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name.startswith("frozen"):
            raise AttributeError(f"cannot delete {name}")
        print("del", cls.__name__, name)
        super().__delattr__(name)

class C(metaclass=Locked):
    frozen_x = 1
    y = 2

C.z = 3
print(C.z, C().z)
try:
    C.frozen_x = 5
except AttributeError as e:
    print(e)
print(C.frozen_x)
del C.z
print(hasattr(C, "z"))
try:
    del C.frozen_x
except AttributeError as e:
    print(e)
setattr(C, "w", 4)
type.__setattr__(C, "frozen_y", 9)
print(C.w, C.frozen_y)
class D(C):
    pass
D.v = 1
print(D.v, hasattr(C, "v"))
try:
    type.__delattr__(C, "missing")
except AttributeError as e:
    print(e)
