"""Names from `typing` for annotations. gyre does no runtime type checking: generic aliases
are accepted and subscriptable, and the helpers (cast, NamedTuple, TypedDict, Protocol,
overload, TYPE_CHECKING, ...) behave as at runtime in CPython, minus introspection."""

import collections.abc as _abc

TYPE_CHECKING = False


class _SpecialForm:
    """A typing construct such as Any, Union or Optional: subscriptable, not a class."""

    def __init__(self, name, params=None):
        self._name = name
        self._params = params

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _SpecialForm(self._name, params)

    def __call__(self, *args, **kwargs):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __repr__(self):
        if self._params is None:
            return 'typing.' + self._name
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(p) for p in self._params))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __eq__(self, other):
        return (isinstance(other, _SpecialForm) and self._name == other._name
                and self._params == other._params)

    def __hash__(self):
        return hash(self._name)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _Alias(_SpecialForm):
    """A generic alias of a concrete class (List, Dict, ...): isinstance checks the origin."""

    def __init__(self, name, origin, params=None):
        super().__init__(name, params)
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Literal = _SpecialForm('Literal')
Final = _SpecialForm('Final')
Annotated = _SpecialForm('Annotated')
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate')
TypeGuard = _SpecialForm('TypeGuard')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Unpack = _SpecialForm('Unpack')


class _ClassVarForm(_SpecialForm):
    _is_classvar = True

    def __getitem__(self, params):
        r = _ClassVarForm(self._name, params if isinstance(params, tuple) else (params,))
        return r


ClassVar = _ClassVarForm('ClassVar')

List = _Alias('List', list)
Dict = _Alias('Dict', dict)
Set = _Alias('Set', set)
FrozenSet = _Alias('FrozenSet', frozenset)
Tuple = _Alias('Tuple', tuple)
Type = _Alias('Type', type)
Callable = _Alias('Callable', _abc.Callable)
Iterable = _Alias('Iterable', _abc.Iterable)
Iterator = _Alias('Iterator', _abc.Iterator)
Generator = _Alias('Generator', _abc.Generator)
AsyncIterable = _Alias('AsyncIterable', _abc.AsyncIterable)
AsyncIterator = _Alias('AsyncIterator', _abc.AsyncIterator)
AsyncGenerator = _Alias('AsyncGenerator', _abc.AsyncGenerator)
Awaitable = _Alias('Awaitable', _abc.Awaitable)
Coroutine = _Alias('Coroutine', _abc.Coroutine)
Mapping = _Alias('Mapping', _abc.Mapping)
MutableMapping = _Alias('MutableMapping', _abc.MutableMapping)
Sequence = _Alias('Sequence', _abc.Sequence)
MutableSequence = _Alias('MutableSequence', _abc.MutableSequence)
AbstractSet = _Alias('AbstractSet', _abc.Set)
MutableSet = _Alias('MutableSet', _abc.MutableSet)
Collection = _Alias('Collection', _abc.Collection)
Container = _Alias('Container', _abc.Container)
Sized = _Alias('Sized', _abc.Sized)
Hashable = _Alias('Hashable', _abc.Hashable)
Reversible = _Alias('Reversible', _abc.Reversible)
KeysView = _Alias('KeysView', _abc.KeysView)
ValuesView = _Alias('ValuesView', _abc.ValuesView)
ItemsView = _Alias('ItemsView', _abc.ItemsView)
Text = str
AnyStr = None


def _lazy_collections():
    import collections
    return collections


class _LazyAlias(_Alias):
    def __init__(self, name, attr):
        _SpecialForm.__init__(self, name)
        self._attr = attr

    @property
    def __origin__(self):
        return getattr(_lazy_collections(), self._attr)


DefaultDict = _LazyAlias('DefaultDict', 'defaultdict')
OrderedDict = _LazyAlias('OrderedDict', 'OrderedDict')
Counter = _LazyAlias('Counter', 'Counter')
Deque = _LazyAlias('Deque', 'deque')
ChainMap = _LazyAlias('ChainMap', 'ChainMap')


class TypeVar:
    """Type variable (only its name and bounds are kept)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name


class Generic:
    """Base for generic classes: `class Box(Generic[T])` works; subscription is ignored."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base for structural types (no runtime checks unless @runtime_checkable)."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj):
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. '
            'A series of @typing.overload-decorated functions '
            'outside a stub module should always be followed '
            'by an implementation that is not @typing.overload-decorated.')
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    params = getattr(tp, '_params', None)
    return tuple(params) if params else ()


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class NamedTupleMeta(type):
    """Builds a `collections.namedtuple` from a class body with annotated fields."""

    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns.get('__module__'))
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: `NamedTuple('P', [('x', int)])` or a class body."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module=globals().get('__name__'))


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    """A class body with annotated keys makes a `dict` subclass; instances are dicts."""

    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __subclasscheck__ = __instancecheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """`TypedDict('Point', {'x': int})` or a class body: the type of plain dicts with those keys."""
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields)}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass
