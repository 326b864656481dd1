# object.__new__ refuses classes whose instances need a builtin base's own __new__.
class MyInt(int):
    pass


class MyList(list):
    pass


class Plain:
    pass


for cls in [int, list, dict, str, tuple, float, MyInt, MyList, bytes, set]:
    try:
        object.__new__(cls)
        print("made", cls.__name__)
    except TypeError as e:
        print(e)
p = object.__new__(Plain)
print(type(p).__name__, int.__new__(MyInt, 5), list.__new__(MyList))


class WithNew(int):
    def __new__(cls, v):
        return super().__new__(cls, v)


class Deeper(WithNew):
    pass


for cls in [WithNew, Deeper]:
    try:
        object.__new__(cls)
    except TypeError as e:
        print(e)
