"""Abstract base classes for containers: isinstance/issubclass checks by structure, as CPython.

A class counts as, say, an Iterable when it (or a base) defines `__iter__`, or when it was
registered with `ABC.register(cls)` or inherits from the ABC explicitly.
"""


_UNHASHABLE = (list, dict, set, bytearray)


def _has(cls, names):
    mro = cls.__mro__
    if '__hash__' in names:
        for t in _UNHASHABLE:
            if t in mro:
                return False
    for name in names:
        for base in mro:
            if name in base.__dict__:
                if base.__dict__[name] is None:
                    return False
                break
        else:
            return False
    return True


class ABCMeta(type):
    """Metaclass of the ABCs: structural checks plus explicit registration."""

    def __instancecheck__(cls, instance):
        if cls.__subclasscheck__(type(instance)):
            return True
        # Builtin types do not list every slot in their __dict__: ask the object itself.
        if cls is Callable:
            return callable(instance)
        return False

    def __subclasscheck__(cls, sub):
        if not isinstance(sub, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in sub.__mro__:
            return True
        for reg in cls.__dict__.get('_abc_registry', ()):
            if issubclass(sub, reg):
                return True
        required = cls.__dict__.get('_abc_required')
        if required and _has(sub, required):
            return True
        for child in cls.__dict__.get('_abc_children', ()):
            if issubclass(sub, child):
                return True
        return False

    def register(cls, subclass):
        if '_abc_registry' not in cls.__dict__:
            cls._abc_registry = []
        cls._abc_registry.append(subclass)
        return subclass


def _abc(name, bases, required, methods=None):
    ns = {'_abc_required': required, '__slots__': (), '__module__': 'collections.abc'}
    if methods:
        ns.update(methods)
    cls = ABCMeta(name, bases, ns)
    for base in bases:
        if '_abc_children' not in base.__dict__:
            base._abc_children = []
        base._abc_children.append(cls)
    return cls


class _Base(metaclass=ABCMeta):
    __slots__ = ()


def _iter_mixin(self):
    i = 0
    try:
        while True:
            v = self[i]
            yield v
            i += 1
    except IndexError:
        return


def _contains_mixin(self, value):
    for v in self:
        if v is value or v == value:
            return True
    return False


def _seq_index(self, value, start=0, stop=None):
    i = start
    while stop is None or i < stop:
        try:
            v = self[i]
        except IndexError:
            break
        if v is value or v == value:
            return i
        i += 1
    raise ValueError


def _seq_count(self, value):
    return sum(1 for v in self if v is value or v == value)


def _seq_reversed(self):
    for i in range(len(self) - 1, -1, -1):
        yield self[i]


def _map_get(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        return default


def _map_contains(self, key):
    try:
        self[key]
    except KeyError:
        return False
    return True


def _map_keys(self):
    return list(self)


def _map_items(self):
    return [(k, self[k]) for k in self]


def _map_values(self):
    return [self[k] for k in self]


def _map_eq(self, other):
    if not isinstance(other, Mapping):
        return NotImplemented
    return dict(self.items()) == dict(other.items())


_MISSING = object()


def _mm_pop(self, key, default=_MISSING):
    try:
        value = self[key]
    except KeyError:
        if default is _MISSING:
            raise
        return default
    del self[key]
    return value


def _mm_popitem(self):
    try:
        key = next(iter(self))
    except StopIteration:
        raise KeyError from None
    value = self[key]
    del self[key]
    return key, value


def _mm_clear(self):
    try:
        while True:
            self.popitem()
    except KeyError:
        pass


def _mm_update(self, other=(), **kwds):
    if isinstance(other, Mapping):
        for key in other:
            self[key] = other[key]
    elif hasattr(other, 'keys'):
        for key in other.keys():
            self[key] = other[key]
    else:
        for key, value in other:
            self[key] = value
    for key, value in kwds.items():
        self[key] = value


def _mm_setdefault(self, key, default=None):
    try:
        return self[key]
    except KeyError:
        self[key] = default
    return default


def _ms_append(self, value):
    self.insert(len(self), value)


def _ms_extend(self, values):
    if values is self:
        values = list(values)
    for v in values:
        self.append(v)


def _ms_pop(self, index=-1):
    v = self[index]
    del self[index]
    return v


def _ms_remove(self, value):
    del self[self.index(value)]


def _ms_reverse(self):
    n = len(self)
    for i in range(n // 2):
        self[i], self[n - i - 1] = self[n - i - 1], self[i]


def _ms_clear(self):
    try:
        while True:
            self.pop()
    except IndexError:
        pass


def _ms_iadd(self, values):
    self.extend(values)
    return self


Hashable = _abc('Hashable', (_Base,), ('__hash__',))
Awaitable = _abc('Awaitable', (_Base,), ('__await__',))
Coroutine = _abc('Coroutine', (Awaitable,), ('__await__', 'send', 'throw', 'close'))
AsyncIterable = _abc('AsyncIterable', (_Base,), ('__aiter__',))
AsyncIterator = _abc('AsyncIterator', (AsyncIterable,), ('__aiter__', '__anext__'))
AsyncGenerator = _abc('AsyncGenerator', (AsyncIterator,),
                      ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'))
Iterable = _abc('Iterable', (_Base,), ('__iter__',))
Iterator = _abc('Iterator', (Iterable,), ('__iter__', '__next__'))
Reversible = _abc('Reversible', (Iterable,), ('__reversed__', '__iter__'))
Generator = _abc('Generator', (Iterator,), ('__iter__', '__next__', 'send', 'throw', 'close'))
Sized = _abc('Sized', (_Base,), ('__len__',))
Container = _abc('Container', (_Base,), ('__contains__',))
Callable = _abc('Callable', (_Base,), ('__call__',))
Collection = _abc('Collection', (Sized, Iterable, Container), ('__len__', '__iter__', '__contains__'))
Set = _abc('Set', (Collection,), None)
MutableSet = _abc('MutableSet', (Set,), None)
Mapping = _abc('Mapping', (Collection,), None, {
    'get': _map_get, '__contains__': _map_contains, 'keys': _map_keys, 'items': _map_items,
    'values': _map_values, '__eq__': _map_eq, '__reversed__': None})
MutableMapping = _abc('MutableMapping', (Mapping,), None, {
    'pop': _mm_pop, 'popitem': _mm_popitem, 'clear': _mm_clear, 'update': _mm_update,
    'setdefault': _mm_setdefault})
MappingView = _abc('MappingView', (Sized,), None)
KeysView = _abc('KeysView', (MappingView, Set), None)
ItemsView = _abc('ItemsView', (MappingView, Set), None)
ValuesView = _abc('ValuesView', (MappingView, Collection), None)
Sequence = _abc('Sequence', (Reversible, Collection), None, {
    '__iter__': _iter_mixin, '__contains__': _contains_mixin, '__reversed__': _seq_reversed,
    'index': _seq_index, 'count': _seq_count})
MutableSequence = _abc('MutableSequence', (Sequence,), None, {
    'append': _ms_append, 'extend': _ms_extend, 'pop': _ms_pop, 'remove': _ms_remove,
    'reverse': _ms_reverse, 'clear': _ms_clear, '__iadd__': _ms_iadd})
ByteString = _abc('ByteString', (Sequence,), None)

for _t in (tuple, str, range, bytes):
    Sequence.register(_t)
for _t in (list, bytearray):
    MutableSequence.register(_t)
for _t in (bytes, bytearray):
    ByteString.register(_t)
Set.register(frozenset)


async def _coro():
    pass


_c = _coro()
Coroutine.register(type(_c))
_c.close()
del _c


def _gen():
    yield


Generator.register(type(_gen()))
for _t in (iter([]), iter(()), iter(''), iter(range(0)), iter({}), iter(set()), iter(b'')):
    Iterator.register(type(_t))
MutableSet.register(set)
MutableMapping.register(dict)
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))

def _type_repr(obj):
    """How a subscript argument shows in an alias's repr (as typing's `_type_repr`)."""
    if isinstance(obj, type) and not hasattr(obj, '__origin__'):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    return repr(obj)


class _CallableGenericAlias:
    """`Callable[[args], result]`: its `__args__` are the argument types then the result."""

    def __init__(self, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        params, result = args
        if params is ...:
            self.__args__ = (..., result)
        elif isinstance(params, list):
            self.__args__ = (*params, result)
        else:
            raise TypeError(f'Expected a list of types, an ellipsis, ParamSpec, or Concatenate. '
                            f'Got {params}')
        self.__origin__ = origin
        self.__parameters__ = ()

    def __repr__(self):
        *params, result = self.__args__
        if params == [...]:
            shown = '...'
        else:
            shown = '[' + ', '.join(_type_repr(a) for a in params) + ']'
        return f'collections.abc.Callable[{shown}, {_type_repr(result)}]'

    def __eq__(self, other):
        if not isinstance(other, _CallableGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


def _alias(cls, item):
    import types
    return types.GenericAlias(cls, item)


def _callable_alias(cls, item):
    return _CallableGenericAlias(cls, item)


# The ABCs CPython makes subscriptable (PEP 585); Hashable, Sized and ByteString are not.
for _cls in (Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, Iterable,
             Iterator, Generator, Reversible, Container, Collection, Set, MutableSet, Mapping,
             MutableMapping, MappingView, KeysView, ItemsView, ValuesView, Sequence,
             MutableSequence):
    type.__setattr__(_cls, '__class_getitem__', classmethod(_alias))
type.__setattr__(Callable, '__class_getitem__', classmethod(_callable_alias))
del _cls

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
           "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping",
           "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence", "ByteString"]
