"""Enumerations (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique) with CPython 3.11's
reprs and lookups.

Members are created when a subclass is defined (`__init_subclass__`): every public class
attribute that is not a function or descriptor becomes a member, in definition order.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember']

import sys as _sys

_builtin_property = property


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _next = None

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__'))


def _is_member_candidate(name, value):
    if name.startswith('_'):
        return False
    if isinstance(value, member):
        return True
    if isinstance(value, nonmember):
        return False
    if isinstance(value, type):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    if isinstance(value, (_builtin_property, classmethod, staticmethod)):
        return False
    return not _is_descriptor(value)


class EnumType(type):
    """Metaclass of every enumeration: iteration, lookup by name, membership, length."""

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        return value in cls._value2member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        # A member lookup (no __init__ runs again), or the functional API creating a class.
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        if cls._member_names_:
            raise TypeError('<enum %r> cannot extend %r' % (class_name, cls))
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        namespace = {}
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            namespace[member_name] = member_value
        if module is None:
            try:
                module = _sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                module = '__main__'
        namespace['__module__'] = module
        if qualname is not None:
            namespace['__qualname__'] = qualname
        meta = cls.__class__
        return meta(class_name, bases, namespace)


EnumMeta = EnumType
Flag = None


def _make_member(cls, name, value):
    if isinstance(value, member):
        value = value.value
    args = value if isinstance(value, tuple) else (value,)
    base = cls._member_type_
    if cls._custom_new_ is not None:
        obj = cls._custom_new_(cls, *args)
        if not hasattr(obj, '_value_'):
            obj._value_ = value if base is object else (args[0] if len(args) == 1 else value)
    else:
        if base is object:
            obj = object.__new__(cls)
        elif base is tuple:
            obj = tuple.__new__(cls, args)
        else:
            obj = base.__new__(cls, *args)
        if base is object:
            obj._value_ = value
        else:
            obj._value_ = base(*args)
    obj._name_ = name
    obj.__objclass__ = cls
    init = cls.__dict__.get('__init__')
    if init is None:
        for klass in cls.__mro__[1:]:
            if klass is Enum or klass is object:
                break
            if '__init__' in klass.__dict__:
                init = klass.__dict__['__init__']
                break
    if init is not None:
        init(obj, *args)
    return obj


def _find_member_type(cls):
    for klass in cls.__mro__:
        if klass in (object, cls):
            continue
        if isinstance(klass, EnumType):
            continue
        if klass in (int, str, float, tuple, bytes):
            return klass
        if '__new__' in klass.__dict__ and klass is not object:
            return klass
    return object


def _keep_enum_methods(cls):
    # As CPython's EnumType: repr/str/format/reduce found on the mixed-in data type (str in
    # `class S(str, Enum)`) or on object are replaced by the enum base's own.
    first_enum = next((b for b in cls.__mro__[1:] if isinstance(b, EnumType)), None)
    if first_enum is None:
        return
    member_type = cls._member_type_
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in cls.__dict__:
            continue
        found = getattr(cls, name, None)
        if found is None:
            continue
        if found is getattr(member_type, name, None) or found is getattr(object, name, None):
            type.__setattr__(cls, name, getattr(first_enum, name))


class Enum(metaclass=EnumType):
    """Generic enumeration."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwds):
        cls._member_type_ = _find_member_type(cls)
        _keep_enum_methods(cls)
        custom_new = cls.__dict__.get('__new__')
        cls._custom_new_ = custom_new
        # After creation, calling the class looks members up by value (a mixin's own
        # __new__, such as int's, would otherwise come first in the MRO).
        type.__setattr__(cls, '__new__', Enum.__new__)
        names = []
        member_map = {}
        value_map = {}
        last_values = []
        parent_members = []
        for base in cls.__mro__[1:]:
            if isinstance(base, EnumType) and base._member_names_:
                parent_members = base._member_names_
        if parent_members:
            raise TypeError('<enum %r> cannot extend %r' % (cls.__name__, cls.__mro__[1]))
        for name, value in list(cls.__dict__.items()):
            if name == '_ignore_' or not _is_member_candidate(name, value):
                if isinstance(value, nonmember):
                    type.__setattr__(cls, name, value.value)
                continue
            if isinstance(value, auto):
                if value.value is None:
                    value.value = cls._generate_next_value_(name, 1, len(names), last_values[:])
                value = value.value
            last_values.append(value)
            existing = None
            for m in member_map.values():
                if m._value_ == value and type(m._value_) is type(value) or m._value_ is value:
                    existing = m
                    break
            if existing is not None:
                member_map[name] = existing
                type.__setattr__(cls, name, existing)
                continue
            m = _make_member(cls, name, value)
            names.append(name)
            member_map[name] = m
            try:
                value_map[m._value_] = m
            except TypeError:
                pass
            type.__setattr__(cls, name, m)
        cls._member_names_ = names
        cls._member_map_ = member_map
        cls._value2member_map_ = value_map
        cls.__members__ = dict(member_map)

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1]
        except TypeError:
            last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    _value_repr_ = None

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        if self._member_type_ is not object:
            return hash(self._value_)
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__module__', 'name', 'value']

    @_builtin_property
    def name(self):
        return self._name_

    @name.setter
    def name(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")

    @name.deleter
    def name(self):
        raise AttributeError("<enum 'Enum'> cannot delete attribute 'name'")

    @_builtin_property
    def value(self):
        return self._value_

    @value.setter
    def value(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")

    @value.deleter
    def value(self):
        raise AttributeError("<enum 'Enum'> cannot delete attribute 'value'")


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""

    def __str__(self):
        return self._member_type_.__str__(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return str(self._value_)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __str__(self):
        return self._value_

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for flags: members combine with |, & and ^."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** (_high_bit(last_value) + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value < 0 or value & ~all_bits:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        return cls._pseudo_member(value)

    @classmethod
    def _pseudo_member(cls, value):
        cache = cls.__dict__.get('_pseudo_cache_')
        if cache is None:
            cache = {}
            type.__setattr__(cls, '_pseudo_cache_', cache)
        if value in cache:
            return cache[value]
        base = cls._member_type_
        if base is object:
            m = object.__new__(cls)
        else:
            m = base.__new__(cls, value)
        m._value_ = value
        parts = [mm._name_ for mm in cls._decompose(value)]
        m._name_ = '|'.join(parts) if parts else None
        cache[value] = m
        cls._value2member_map_[value] = m
        return m

    @classmethod
    def _decompose(cls, value):
        out = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if v and v & (v - 1) == 0 and v & value == v:
                out.append(m)
        return out

    def __iter__(self):
        return iter(self._decompose(self._value_))

    def __len__(self):
        return len(self._decompose(self._value_))

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        all_bits = 0
        for m in self.__class__._member_map_.values():
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags."""

    def __str__(self):
        return str(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ & other)

    __ror__ = __or__
    __rand__ = __and__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


property = _builtin_property
