# collections.abc classes are subscriptable (PEP 585) and Callable shows its argument list;
# types.GenericAlias(origin, args) builds the same alias as origin[args].
import collections.abc as cabc
import types
print(cabc.Iterable[int], cabc.Mapping[str, int], cabc.Sequence[int], cabc.Iterator[str])
print(cabc.Callable[[int, str], bool], cabc.Callable[..., int], cabc.Callable[[], None])
print(cabc.Callable[[int], str].__args__, cabc.Callable[[int], str] == cabc.Callable[[int], str])
print(types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)) == dict[str, int])
try:
    cabc.Hashable[int]
except TypeError as e:
    print(e)
try:
    types.GenericAlias(list)
except TypeError as e:
    print(e)
