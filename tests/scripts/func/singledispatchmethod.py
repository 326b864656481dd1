# functools.singledispatchmethod: dispatch on the first argument after self, with
# register by annotation or by class, on plain, static and class methods.
import functools
class Shape:
    @functools.singledispatchmethod
    def describe(self, arg):
        return f"object {arg!r}"

    @describe.register
    def _(self, arg: int):
        return f"int {arg}"

    @describe.register(list)
    def _(self, arg):
        return f"list of {len(arg)}"

    @functools.singledispatchmethod
    @classmethod
    def make(cls, arg):
        return f"{cls.__name__} from object"

    @make.register
    @classmethod
    def _(cls, arg: str):
        return f"{cls.__name__} from str {arg}"

s = Shape()
print(s.describe(3), s.describe("x"), s.describe([1, 2]), s.describe(True))
print(Shape.make(1.5), Shape.make("s"), s.make("t"))
print(Shape.describe.__name__)
