# typing names import and work in annotations; annotations are recorded on classes.
from typing import List, Dict, Optional, Union, Any, Tuple, Callable, Iterable, TypeVar


T = TypeVar('T')


def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None


def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]


class Config:
    name: str
    options: Dict[str, Any]
    pair: Tuple[int, int] = (0, 0)
    value: Union[int, str] = 5


print(first([3, 4]), first([]), apply(lambda v: v * 2, range(3)))
print(list(Config.__annotations__), Config.pair, Config.value)
print(T, isinstance([], List), isinstance({}, Dict))
