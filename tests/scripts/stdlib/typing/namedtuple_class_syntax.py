# typing.NamedTuple and TypedDict in class syntax, through PEP 560's __mro_entries__.
from typing import NamedTuple, TypedDict, Generic, TypeVar
import typing


class Emp(NamedTuple):
    """An employee."""
    name: str
    id: int = 3

    def label(self):
        return f"{self.name}#{self.id}"


e = Emp("a")
print(e, Emp("b", 5), Emp._fields, Emp._field_defaults, e.label())
print(Emp.__annotations__, isinstance(e, tuple), Emp.__doc__, Emp.__name__)
print(e._replace(id=9), e._asdict(), Emp._make(["z", 1]))
n, i = e
print(n, i, e[0], len(e))
P = NamedTuple("P", [("x", int), ("y", int)])
print(P(1, 2), P._fields)
Q = NamedTuple("Q", x=int)
print(Q(4))
try:
    class Bad(NamedTuple):
        a: int = 1
        b: str
except TypeError as err:
    print("TypeError:", err)
try:
    class Bad2(NamedTuple):
        x: int
        def _replace(self):
            pass
except AttributeError as err:
    print("AttributeError:", err)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title="x", year=1)
print(m, type(m), Movie.__annotations__, Movie.__total__)


class Partial(TypedDict, total=False):
    a: int


print(Partial(a=1), Partial.__total__)
def entries():
    pass


entries.__mro_entries__ = lambda bases: (object,)


class FromFunc(entries):
    pass


print(FromFunc.__bases__, FromFunc.__orig_bases__[0].__name__)
