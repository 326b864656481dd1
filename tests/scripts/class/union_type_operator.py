# PEP 604 unions: `X | Y` on classes, None, generic aliases and unions makes a
# types.UnionType, usable in annotations, isinstance and issubclass.
import types


def describe(x: int | None = None) -> list[str] | None:
    return x


class Node:
    parent: "Node | None" = None
    value: int | float = 0


print(describe.__annotations__, Node.__annotations__)
u = int | str
print(u, repr(u), type(u).__name__, type(u) is types.UnionType, u.__args__)
print(int | None, None | int, (int | None).__args__, list[int] | None, int | list[int] | dict[str, int])
print(int | int, int | str | int, (int | str) | (str | float), bool | int)
print(u == (str | int), u == (int | float), (int | None) == (None | int), u != (str | int))
print(isinstance(3, u), isinstance(3.0, u), isinstance(None, int | None), isinstance([], list | dict))
print(issubclass(bool, u), issubclass(float, u), issubclass(type(None), int | None))
for bad in (lambda: 1 | int, lambda: int | 1, lambda: "x" | str, lambda: isinstance(1, list[int])):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)


class Meta(type):
    def __or__(cls, other):
        return "Meta.__or__"


class WithMeta(metaclass=Meta):
    pass


print(WithMeta | int, int | str | None)
