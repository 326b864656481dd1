"""Data classes: @dataclass generates __init__, __repr__, __eq__, ordering, frozen
__setattr__/__delattr__ and __hash__ from the class's annotated fields, as CPython 3.11.

The generated methods are closures over the field list rather than generated source code.
"""

import copy as _copy
import sys as _sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


class _DataclassParams:
    """The decorator's arguments, as `cls.__dataclass_params__`."""
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('ClassVar') or annotation.startswith('typing.ClassVar')
    typing = _sys.modules.get('typing')
    if typing is None:
        return False
    return annotation is typing.ClassVar or (
        isinstance(annotation, typing._FormAlias) and annotation.__origin__ is typing.ClassVar)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    own_kw_only = kw_only
    for name, type_ in annotations.items():
        if type_ is KW_ONLY or (isinstance(type_, str) and type_ == 'KW_ONLY'):
            own_kw_only = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = type_
        if _is_classvar(type_):
            f._field_type = _FIELD_CLASSVAR
        elif isinstance(type_, InitVar) or type_ is InitVar:
            f._field_type = _FIELD_INITVAR
        else:
            f._field_type = _FIELD
        if f.kw_only is MISSING:
            f.kw_only = own_kw_only
        if f._field_type is _FIELD and f.default is not MISSING and \
                type(f.default) in (list, dict, set):
            raise ValueError(f'mutable default {type(f.default)} for field '
                             f'{name} is not allowed: use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
        all_fields[name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    fields_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    if init:
        _check_default_order(all_fields)
        _set(cls, '__init__', _make_init(cls, all_fields, frozen))
    if repr:
        _set(cls, '__repr__', _make_repr(fields_list))
    if eq:
        _set(cls, '__eq__', _make_eq(cls, fields_list))
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
            setattr(cls, name, _make_order(cls, fields_list, op, name))
    if frozen:
        _set_frozen(cls, fields_list)
    has_own_eq = '__eq__' in cls.__dict__
    has_own_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        if not has_own_hash or unsafe_hash:
            setattr(cls, '__hash__', _make_hash(fields_list))
    elif eq and not has_own_hash:
        setattr(cls, '__hash__', None)
    if match_args:
        _set(cls, '__match_args__', tuple(f.name for f in fields_list if f.init and not f.kw_only))
    if slots:
        cls = _add_slots(cls, fields_list)
    return cls


def _add_slots(cls, fields_list):
    """`slots=True`: the class is rebuilt with `__slots__` naming its fields (those no base
    already has a slot for), as CPython's dataclasses does."""
    inherited = set()
    for base in cls.__mro__[1:-1]:
        own = base.__dict__.get('__slots__', ())
        inherited.update((own,) if isinstance(own, str) else own)
    names = tuple(f.name for f in fields_list)
    cls_dict = dict(cls.__dict__)
    cls_dict['__slots__'] = tuple(n for n in names if n not in inherited)
    for name in names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = cls.__qualname__
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    cls.__qualname__ = qualname
    return cls


def _set(cls, name, value):
    if name in cls.__dict__ and name not in ('__eq__', '__hash__'):
        own = cls.__dict__[name]
        if not getattr(own, '_dataclass_generated', False):
            return
    setattr(cls, name, value)


def _check_default_order(all_fields):
    seen_default = False
    for f in all_fields.values():
        if f._field_type is _FIELD_CLASSVAR or not f.init or f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')


def _plural_args(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + ' and ' + quoted[1]
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_init(cls, all_fields, frozen):
    init_fields = [f for f in all_fields.values()
                   if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    no_init = [f for f in all_fields.values() if f._field_type is _FIELD and not f.init]
    qualname = cls.__qualname__
    names = [f.name for f in init_fields]
    n_required = len([f for f in positional
                      if f.default is MISSING and f.default_factory is MISSING])

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            top = len(positional) + 1
            low = n_required + 1
            takes = f'{top}' if low == top else f'from {low} to {top}'
            raise TypeError(f'{qualname}.__init__() takes {takes} positional '
                            f'argument{"s" if top > 1 else ""} but {len(args) + 1} '
                            f'{"was" if len(args) == 0 else "were"} given')
        values = {}
        for f, a in zip(positional, args):
            values[f.name] = a
        for k in kwargs:
            if k not in names:
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for argument '{k}'")
            values[k] = kwargs[k]
        missing = [f.name for f in positional if f.name not in values and
                   f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(f'{qualname}.__init__() missing {len(missing)} required positional '
                            f'argument{"s" if len(missing) > 1 else ""}: {_plural_args(missing)}')
        missing = [f.name for f in keyword if f.name not in values and
                   f.default is MISSING and f.default_factory is MISSING]
        if missing:
            raise TypeError(f'{qualname}.__init__() missing {len(missing)} required keyword-only '
                            f'argument{"s" if len(missing) > 1 else ""}: {_plural_args(missing)}')
        initvars = []
        for f in init_fields:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            else:
                v = f.default
            if f._field_type is _FIELD_INITVAR:
                initvars.append(v)
            else:
                object.__setattr__(self, f.name, v)
        for f in no_init:
            if f.default_factory is not MISSING:
                object.__setattr__(self, f.name, f.default_factory())
            elif f.default is not MISSING:
                object.__setattr__(self, f.name, f.default)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post(*initvars)

    __init__.__qualname__ = qualname + '.__init__'
    __init__._dataclass_generated = True
    return __init__


_repr_running = set()


def _make_repr(fields_list):
    shown = [f for f in fields_list if f.repr]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in shown)
        finally:
            _repr_running.discard(key)
        return f'{self.__class__.__qualname__}({parts})'

    __repr__._dataclass_generated = True
    return __repr__


def _tuple_of(obj, fields_list):
    return tuple(getattr(obj, f.name) for f in fields_list if f.compare)


def _make_eq(cls, fields_list):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _tuple_of(self, fields_list) == _tuple_of(other, fields_list)
        return NotImplemented

    __eq__._dataclass_generated = True
    return __eq__


def _make_order(cls, fields_list, op, name):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(_tuple_of(self, fields_list), _tuple_of(other, fields_list))
        return NotImplemented

    method.__name__ = name
    return method


def _make_hash(fields_list):
    hashed = [f for f in fields_list if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hashed))

    return __hash__


def _set_frozen(cls, fields_list):
    names = {f.name for f in fields_list}

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    for name, fn in (('__setattr__', __setattr__), ('__delattr__', __delattr__)):
        if name in cls.__dict__:
            raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
        setattr(cls, name, fn)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields_dict = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields_dict.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be '
                                 f'specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        annotations[name] = tp
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
