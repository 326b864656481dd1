import typing
from typing import *
T = TypeVar("T"); K = TypeVar("K", bound=int); V = TypeVar("V", int, str, covariant=True)
exprs = ["Optional[int]", "Union[int, str]", "Union[int, None]", "Union[int, str, None]", "Union[int]", "Union[int, Union[str, float]]", "Union[int, int]",
 "Optional[Union[int, str]]", "Union[int, str] == Union[str, int]", "List[int]", "List", "Dict[str, List[int]]", "Tuple[int, ...]", "Tuple[()]", "Tuple",
 "Callable[[int], str]", "Callable[..., int]", "Callable[[], None]", "Callable", "Literal['a', 1]", "Annotated[int, 'meta']", "ClassVar[int]", "Final[int]",
 "Type[int]", "Iterator[int]", "Any", "NoReturn", "get_origin(List[int])", "get_args(Dict[str, int])", "get_args(Optional[int])", "get_origin(Optional[int])",
 "get_args(Callable[[int, str], bool])", "get_origin(Callable[[int], str])", "get_origin(Literal[1])", "get_args(Literal[1, 2])", "get_args(Annotated[int, 'x'])",
 "get_origin(Annotated[int, 'x'])", "get_origin(int)", "get_args(int)", "get_origin(list[int])", "get_args(tuple[int, ...])", "T", "K", "V", "K.__bound__", "V.__constraints__",
 "List[T]", "Dict[K, V]", "List[T][int]", "Dict[str, T][int]", "Optional[T]", "int | str", "int | None", "Optional[int] == (int | None)", "List[int] == List[int]", "List[int] == list[int]",
 "DefaultDict[str, int]", "Counter[str]", "Deque[int]", "OrderedDict[str, int]", "Sequence[int]", "Mapping[str, Any]", "AsyncIterator[int]", "Awaitable[None]", "Coroutine[Any, Any, int]",
 "Generator[int, None, None]", "Set[int]", "FrozenSet[str]", "Iterable[Tuple[int, str]]", "Union[List[int], None]", "isinstance([], List)", "issubclass(list, List)", "typing.Text",
 "AnyStr", "Hashable", "Sized", "repr(NewType('UserId', int))", "NewType('UserId', int)(5)", "Literal[True]", "Union[int, 'str']", "List['Foo']", "ForwardRef('X')"]
for e in exprs:
    try: print(e, "=>", eval(e))
    except Exception as ex: print(e, "!!", type(ex).__name__, ex)
class Stack(Generic[T]):
    pass
class Pair(Generic[K, V]): pass
class Sub(Stack[int]): pass
print(Stack.__parameters__, Pair.__parameters__, Stack[int], Pair[int, str], Sub.__orig_bases__, Sub.__parameters__, Stack.__orig_bases__, type(Stack[int]()).__name__)
try: Pair[int]
except TypeError as e: print(e)
try: Generic[int]
except TypeError as e: print(e)
class P(Protocol[T]):
    def m(self) -> T: ...
print(P.__parameters__)
def f(a: "int", b: Optional["str"] = None, *args: int, c: List["int"], **kw: Any) -> "Dict[str, int]": pass
print(get_type_hints(f))
class A:
    x: int
    y: "List[int]"
class B(A):
    z: Optional[str]
print(get_type_hints(B))
print(typing.get_type_hints(f, include_extras=True))
def g(a: Annotated[int, "m"]) -> None: pass
print(get_type_hints(g), get_type_hints(g, include_extras=True))
