# Generic classes, Protocol, NamedTuple helper, cast, overload and TYPE_CHECKING.
from typing import Generic, TypeVar, Protocol, cast, TYPE_CHECKING, NamedTuple, overload

K = TypeVar('K')
V = TypeVar('V')


class Box(Generic[K]):
    def __init__(self, item):
        self.item = item

    def get(self):
        return self.item


class Greeter(Protocol):
    def greet(self) -> str:
        ...


class English:
    def greet(self):
        return 'hello'


def welcome(g: Greeter) -> str:
    return g.greet()


print(Box(3).get(), Box[int]('x').get(), welcome(English()), cast(int, '7'), TYPE_CHECKING)
Pair = NamedTuple('Pair', [('a', int), ('b', str)])
print(Pair(1, 'x'), Pair(1, 'x').b)


@overload
def double(x: int) -> int:
    ...


def double(x):
    return x * 2


print(double(4))
