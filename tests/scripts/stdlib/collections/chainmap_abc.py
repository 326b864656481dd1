# ChainMap lookups and writes; collections.abc isinstance checks by structure.
from collections import ChainMap, deque, OrderedDict, Counter
from collections.abc import (Iterable, Iterator, Mapping, MutableMapping, Sequence,
                             MutableSequence, Callable, Hashable, Sized, Container,
                             Generator, Set, MutableSet, Awaitable, Coroutine, AsyncIterator)

defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cm = ChainMap(env, defaults)
print(cm['color'], cm['user'], len(cm), sorted(cm), 'color' in cm, cm.get('x', 0))
cm['color'] = 'blue'
print(env, defaults, cm)
child = cm.new_child({'user': 'root'})
print(child['user'], child.parents['user'], len(child.maps))
del cm['color']
print(cm['color'])
try:
    del cm['user2']
except KeyError as e:
    print('KeyError', e)


class Sink:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


async def coro():
    pass


c = coro()
checks = [
    ([], Iterable), (5, Iterable), ('s', Sequence), ({}, Mapping), ({}, MutableMapping),
    (OrderedDict(), MutableMapping), (Counter(), Mapping), ([], MutableSequence),
    ((), MutableSequence), (deque(), MutableSequence), (iter([]), Iterator), ([], Iterator),
    (print, Callable), (Sink, Callable), (Sink(), Callable), (Sink(), Sized), (Sink(), Container),
    ((x for x in ''), Generator), ({1}, Set), ({1}, MutableSet), (frozenset(), MutableSet),
    ('x', Hashable), ([], Hashable), (c, Awaitable), (c, Coroutine), (None, Sized),
]
for obj, abc in checks:
    print(abc.__name__, isinstance(obj, abc))
c.close()
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(str, Hashable))


class MyMap(Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 9), 'b' in m, list(m.keys()), list(m.items()), isinstance(m, Mapping))
