"""Names from `typing` for annotations. gyre does no static checking; the runtime objects
behave as CPython 3.11's: generic aliases with `__origin__`/`__args__`/`__parameters__`,
type-variable substitution, Union flattening and Optional, Callable/Tuple/Literal/Annotated
forms with CPython's reprs, `Generic` classes, `get_origin`/`get_args`/`get_type_hints`
(forward references evaluated), NamedTuple, TypedDict, NewType and Protocol."""

import collections.abc as _abc
import sys as _sys
import types as _types

TYPE_CHECKING = False

_NoneType = type(None)


def _type_convert(arg):
    # As CPython: None stands for NoneType and a string is a forward reference.
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _types.FunctionType):
        return obj.__name__
    return repr(obj)


def _collect_parameters(args):
    params = []
    for arg in args:
        if isinstance(arg, (TypeVar, ParamSpec)):
            if arg not in params:
                params.append(arg)
        elif isinstance(arg, (list, tuple)):
            for p in _collect_parameters(arg):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(arg, '__parameters__', ()) if not isinstance(arg, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(mapping.get(p, p) for p in arg.__parameters__)]
    return arg


def _check_arity(alias, params, expected):
    if len(params) != expected:
        which = 'many' if len(params) > expected else 'few'
        raise TypeError(f'Too {which} arguments for {alias}; actual {len(params)}, '
                        f'expected {expected}')


class ForwardRef:
    """A string annotation, evaluated by `get_type_hints`."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        return _type_convert(eval(self.__forward_arg__, globalns, localns))

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'


class _Final:
    """Base of typing's runtime objects: not subclassable by scripts."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    """`List[int]`, `Stack[T]`: an origin class and its arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = tuple(args)
        self._name = name
        self.__parameters__ = _collect_parameters(self.__args__)

    def _head(self):
        if self._name is not None:
            return 'typing.' + self._name
        return _type_repr(self.__origin__)

    def __repr__(self):
        if not self.__args__ and self._name == 'Tuple':
            return 'typing.Tuple[()]'
        return '%s[%s]' % (self._head(), ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        params = tuple(_type_convert(p) for p in params)
        _check_arity(self, params, len(self.__parameters__))
        mapping = dict(zip(self.__parameters__, params))
        args = tuple(_substitute(a, mapping) for a in self.__args__)
        return self.__class__(self.__origin__, args, self._name)

    def __call__(self, *args, **kwargs):
        if self._name is not None:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        # `class Sub(Stack[int])` subclasses Stack, which already has Generic in its MRO.
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _CallableGenericAlias(_GenericAlias):
    """`Callable[[int, str], bool]`: `__args__` is the flat (int, str, bool)."""

    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return f'typing.Callable[..., {_type_repr(self.__args__[1])}]'
        params = ', '.join(_type_repr(a) for a in self.__args__[:-1])
        return f'typing.Callable[[{params}], {_type_repr(self.__args__[-1])}]'

    def _get_args(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return self.__args__
        return (list(self.__args__[:-1]), self.__args__[-1])


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias such as `typing.List`: a stand-in for its origin class."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if self._nparams >= 0:
            _check_arity(self, params, self._nparams)
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated; '
                        f'use {self.__origin__.__name__}() instead')

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            flat = (..., _type_convert(result))
        elif isinstance(args, list):
            flat = tuple(_type_convert(a) for a in args) + (_type_convert(result),)
        else:
            raise TypeError('Callable[args, result]: args must be a list. '
                            f'Got {_type_repr(args)}')
        return _CallableGenericAlias(self.__origin__, flat, 'Callable')


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple')
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, tuple(p if p is ... else _type_convert(p) for p in params),
                             'Tuple')


class _SpecialForm(_Final):
    """Any, NoReturn, Union, Optional, Literal, ClassVar, Final...: subscriptable, not classes."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError(f'Cannot instantiate {self!r}')

    def __repr__(self):
        return 'typing.' + self._name

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _FormAlias(_GenericAlias):
    """`ClassVar[int]`, `Final[int]`, `TypeGuard[...]`: a special form with arguments."""

    def _head(self):
        return repr(self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _FormAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__._name, self.__args__))

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _UnionGenericAlias(_FormAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f'typing.Optional[{_type_repr(other)}]'
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if isinstance(other, _UnionGenericAlias):
            return set(self.__args__) == set(other.__args__)
        if isinstance(other, _types.UnionType):
            return set(self.__args__) == set(other.__args__)
        return NotImplemented

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))

    def __subclasscheck__(self, cls):
        return issubclass(cls, tuple(a for a in self.__args__ if isinstance(a, type)))


class _LiteralGenericAlias(_FormAlias):
    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join(repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set((type(a), a) for a in self.__args__) == set((type(a), a) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((type(a), a) for a in self.__args__))


def _union_getitem(form, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        p = _type_convert(p)
        if isinstance(p, (_UnionGenericAlias, _types.UnionType)):
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(form, tuple(flat))


def _optional_getitem(form, param):
    return Union[param, None]


def _literal_getitem(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        members = p.__args__ if isinstance(p, _LiteralGenericAlias) else (p,)
        for m in members:
            if not any(type(m) is type(f) and m == f for f in flat):
                flat.append(m)
    return _LiteralGenericAlias(form, tuple(flat))


def _one_type_getitem(form, param):
    if isinstance(param, tuple):
        raise TypeError(f'{form} accepts only single type.')
    return _FormAlias(form, (_type_convert(param),))


def _types_getitem(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _FormAlias(form, tuple(_type_convert(p) for p in params))


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
ClassVar = _SpecialForm('ClassVar', _one_type_getitem)
Final = _SpecialForm('Final', _one_type_getitem)
TypeGuard = _SpecialForm('TypeGuard', _one_type_getitem)
Required = _SpecialForm('Required', _one_type_getitem)
NotRequired = _SpecialForm('NotRequired', _one_type_getitem)
Unpack = _SpecialForm('Unpack', _one_type_getitem)
Concatenate = _SpecialForm('Concatenate', _types_getitem)


class _AnnotatedAlias(_GenericAlias):
    """`Annotated[int, 'meta']`: `__origin__` is the annotated type."""

    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = tuple(metadata)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__), ', '.join(repr(m) for m in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """`Annotated[T, x, ...]`: T with metadata that tools may read."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        origin = _type_convert(params[0])
        metadata = params[1:]
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        return _AnnotatedAlias(origin, metadata)


List = _SpecialGenericAlias(list, 1, 'List')
Dict = _SpecialGenericAlias(dict, 2, 'Dict')
Set = _SpecialGenericAlias(set, 1, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet')
Tuple = _TupleType(tuple, -1, 'Tuple')
Type = _SpecialGenericAlias(type, 1, 'Type')
Callable = _CallableType(_abc.Callable, 2, 'Callable')
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, 'Iterable')
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, 'Iterator')
Generator = _SpecialGenericAlias(_abc.Generator, 3, 'Generator')
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, 'AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, 'AsyncGenerator')
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, 'Coroutine')
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, 'MutableMapping')
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, 'MutableSequence')
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, 'MutableSet')
Collection = _SpecialGenericAlias(_abc.Collection, 1, 'Collection')
Container = _SpecialGenericAlias(_abc.Container, 1, 'Container')
Sized = _SpecialGenericAlias(_abc.Sized, 0, 'Sized')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, 'Hashable')
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, 'Reversible')
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, 'KeysView')
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, 'ValuesView')
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, 'ItemsView')
Text = str


def _lazy_collections():
    import collections
    return collections


class _LazyAlias(_SpecialGenericAlias):
    """An alias of a `collections` class, imported on first use."""

    def __init__(self, attr, nparams, name):
        self._attr = attr
        self._nparams = nparams
        self._name = name

    @property
    def __origin__(self):
        return getattr(_lazy_collections(), self._attr)


DefaultDict = _LazyAlias('defaultdict', 2, 'DefaultDict')
OrderedDict = _LazyAlias('OrderedDict', 2, 'OrderedDict')
Counter = _LazyAlias('Counter', 1, 'Counter')
Deque = _LazyAlias('deque', 1, 'Deque')
ChainMap = _LazyAlias('ChainMap', 2, 'ChainMap')


class TypeVar(_Final):
    """A type variable: `T = TypeVar('T')`, with constraints or a bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(_type_convert(c) for c in constraints)
        self.__bound__ = _type_convert(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        try:
            self.__module__ = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(_Final):
    """A parameter specification variable (`P = ParamSpec('P')`)."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


class Generic:
    """Base for generic classes: `class Box(Generic[T])`; `Box[int]` is an alias of Box."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(isinstance(p, (TypeVar, ParamSpec)) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            _check_arity(cls, params, len(cls.__parameters__))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        orig = cls.__dict__.get('__orig_bases__', ())
        declared = None
        found = []
        for base in orig:
            if isinstance(base, _GenericAlias):
                if base.__origin__ in (Generic, Protocol):
                    declared = base.__parameters__
                for p in base.__parameters__:
                    if p not in found:
                        found.append(p)
        if declared is not None:
            missing = [p for p in found if p not in declared]
            if missing:
                raise TypeError('Some type variables (%s) are not listed in Generic[%s]' % (
                    ', '.join(str(p) for p in missing), ', '.join(str(p) for p in declared)))
            found = list(declared)
        cls.__parameters__ = tuple(found)


Generic.__parameters__ = ()


class Protocol(Generic):
    """Base for structural types (no runtime checks unless @runtime_checkable)."""

    __slots__ = ()
    _is_protocol = True


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj):
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
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
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return value._evaluate(globalns, localns)
    if isinstance(value, _GenericAlias) and not isinstance(value, _AnnotatedAlias):
        args = tuple(_eval_hint(a, globalns, localns) if isinstance(a, (str, ForwardRef)) else a
                     for a in value.__args__)
        if args != value.__args__:
            if isinstance(value, _UnionGenericAlias):
                return Union[args]
            copy = value.__class__.__new__(value.__class__)
            copy.__dict__.update(value.__dict__)
            copy.__args__ = args
            return copy
    return value


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (its MRO), module, function or method, with string
    annotations evaluated and None as NoneType."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            base_globals = globalns
            if base_globals is None:
                module = _sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
    else:
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        if globalns is None:
            globalns = getattr(obj, '__globals__', None)
            if globalns is None:
                globalns = getattr(obj, '__dict__', {})
        if localns is None:
            localns = globalns
        for name, value in ann.items():
            hints[name] = _eval_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(v) for k, v in hints.items()}


def get_origin(tp):
    """`get_origin(List[int])` is list; Union, Literal, ... for the special forms."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """`get_args(Dict[str, int])` is (str, int); Callable's are ([args...], result)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        return tp._get_args()
    if isinstance(tp, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        return tp.__args__
    return ()


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


class NewType:
    """`UserId = NewType('UserId', int)`: a callable returning its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            self.__module__ = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            self.__module__ = '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass an instance of NewType. Perhaps you were looking '
                        f'for: `{self.__name__} = NewType({self.__name__!r}, {self.__name__})`')


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
            if base is not _NamedTuple and base is not Generic and base is not tuple:
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
