import dataclasses
from dataclasses import dataclass, field, fields
from typing import ClassVar, List, Optional, Generic, TypeVar
import typing
@dataclass
class A:
    x: int
    cv: ClassVar[int] = 5
    cv2: "ClassVar[str]" = "s"
    bare: typing.ClassVar = 1
    items: List[int] = field(default_factory=list)
    o: Optional[str] = None
print(A(1), [f.name for f in fields(A)], A.cv, A.__annotations__)
T = TypeVar("T")
@dataclass
class Box(Generic[T]):
    item: T
    def get(self) -> T: return self.item
b = Box[int](3); print(b, b.get(), Box.__parameters__, b.__orig_class__)
try: typing.Any()
except TypeError as e: print(e)
try:
    class X(typing.Union): pass
except TypeError as e: print(e)
try: isinstance(1, List[int])
except TypeError as e: print(e)
try: List[int, str]
except TypeError as e: print(e)
print(isinstance(3, typing.Union[int, str]) if False else "", typing.Optional[int] | str, str | typing.Optional[int])
print(typing.get_type_hints(A))
print(typing.List[int]() if False else "", typing.Tuple[int, str], typing.Type["A"])
class Node(Generic[T]):
    def __init__(self, v: T, nxt: "Optional[Node[T]]" = None): self.v = v; self.nxt = nxt
print(typing.get_type_hints(Node.__init__))
