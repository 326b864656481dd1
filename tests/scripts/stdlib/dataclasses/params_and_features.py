# Dataclass features: order with init=False sort keys, unsafe_hash, make_dataclass, custom repr,
# replace, frozen deletes, __dataclass_params__, ClassVar, __match_args__ and match.
from dataclasses import dataclass, field, fields, is_dataclass, make_dataclass
import dataclasses
@dataclass(order=True)
class P:
    sort_index: int = field(init=False, repr=False)
    name: str
    age: int = 0
    tags: list = field(default_factory=list, compare=False)
    def __post_init__(self):
        self.sort_index = self.age
print(sorted([P("a", 30), P("b", 20)]), P("x") == P("x", tags=[1]), is_dataclass(P), is_dataclass(P("q")))
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash(H(1)), H.__hash__ is not None)
@dataclass
class NoHash:
    a: int
print(NoHash.__hash__)
D = make_dataclass("D", ["x", ("y", int, field(default=5))])
print(D(1), D(1, 2).y, [f.name for f in fields(D)])
@dataclass
class R:
    a: int
    def __repr__(self): return "custom"
print(R(1), repr(R(2)))
@dataclass(repr=False)
class NR:
    a: int
print(repr(NR(1))[:14])
@dataclass
class Defaults:
    a: int = 1
    b: str = "s"
    c: tuple = (1, 2)
print(Defaults(), Defaults(b="z"), dataclasses.replace(Defaults(), a=9))
try:
    Defaults(1, 2, 3, 4)
except TypeError as e:
    print(e)
try:
    Defaults(d=1)
except TypeError as e:
    print(e)
@dataclass(frozen=True)
class Fz:
    a: int
    b: list = field(default_factory=list, hash=False)
f = Fz(1)
try:
    del f.a
except dataclasses.FrozenInstanceError as e:
    print("frozen", e)
print(f == Fz(1), Fz.__dataclass_params__.frozen, Fz.__dataclass_params__)
@dataclass
class WithCV:
    from typing import ClassVar
    count: ClassVar[int] = 0
    x: int = 0
print([f.name for f in fields(WithCV)], WithCV(3))
print(P.__match_args__, Defaults.__match_args__)
match P("m", 5):
    case P(name="m", age=a):
        print("matched age", a)
