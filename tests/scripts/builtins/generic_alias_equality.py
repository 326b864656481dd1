# GenericAlias equality and hashing: equal origins and arguments compare equal and hash
# alike, so aliases work as dict keys; an empty subscript prints as "()".
import types
a = list[int]
print(a == list[int], a != list[str], hash(a) == hash(list[int]), a == list, list == a)
print(dict[str, int] == dict[str, int], dict[str, int] == dict[int, str], tuple[int, ...] == tuple[int, ...])
print({list[int]: "li", dict[str, int]: "dsi"}[list[int]], len({list[int], list[int], set[int]}))
print(repr(dict[str, list[int]]), tuple[()], tuple[()] == tuple[()], type(list[int]) is types.GenericAlias)
print(a.__origin__, a.__args__, a.__parameters__, dict[str, int].__args__)
print(list[int] in [set[int], list[int]], [list[int]].index(list[int]), list[int] == 5)
print(list[int].__name__, dict[str, int].__qualname__, list[int].append is list.append)
try:
    list[int].nothing
except AttributeError as e:
    print(e)
