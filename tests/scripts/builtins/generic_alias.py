# Subscripted builtin generics: one types.GenericAlias class, callable like their origin.
import asyncio
import types
from collections import deque, defaultdict

print(type(list[int]), type(list[int]) is type(dict[str, int]), list[int], dict[str, int])
print(isinstance(list[int], types.GenericAlias), types.GenericAlias)
print(list[int]([1, 2]), tuple[int, ...]((1, 2)), deque[int]([3]), defaultdict[str, int](int))
print(type(asyncio.Queue[int]()).__name__, deque)
