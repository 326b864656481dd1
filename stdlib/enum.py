"""Enumerations (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique) with CPython 3.11's
reprs and lookups.

Members are created when a subclass is defined (`__init_subclass__`): every public class
attribute that is not a function or descriptor becomes a member, in definition order.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember']

import operator as _op
import sys as _sys

_builtin_property = property


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _next = None

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class _AutoOp(auto):
    """An operator applied to autos in a class body, evaluated when members are made."""

    def __init__(self, fn, *operands):
        super().__init__()
        self._fn = fn
        self._operands = operands

    def _resolve(self):
        vals = [o._resolve() if isinstance(o, _AutoOp) else o.value if isinstance(o, auto) else o
                for o in self._operands]
        return self._fn(*vals)


# CPython gives an auto() its value as soon as the class body assigns it, so
# `WHITE = RED | GREEN` works there; here members are made after the body runs, so an
# operator on autos makes an _AutoOp that computes its value once its operands have one.
def _auto_operators(fn):
    return (lambda self, other: _AutoOp(fn, self, other),
            lambda self, other: _AutoOp(fn, other, self))


for _name, _fn in (('or', _op.or_), ('and', _op.and_), ('xor', _op.xor), ('add', _op.add),
                   ('sub', _op.sub), ('mul', _op.mul)):
    _forward, _reflected = _auto_operators(_fn)
    setattr(auto, f'__{_name}__', _forward)
    setattr(auto, f'__r{_name}__', _reflected)
auto.__invert__ = lambda self: _AutoOp(_op.invert, self)
del _name, _fn, _forward, _reflected


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

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

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
            if isinstance(value, _AutoOp):
                value.value = value._resolve()
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
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
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


class FlagBoundary(StrEnum):
    """What a Flag does with a value holding bits no member names."""
    STRICT = 'strict'
    CONFORM = 'conform'
    EJECT = 'eject'
    KEEP = 'keep'


STRICT = FlagBoundary.STRICT
CONFORM = FlagBoundary.CONFORM
EJECT = FlagBoundary.EJECT
KEEP = FlagBoundary.KEEP


def _bits_text(num, width):
    # enum's own binary rendering in error messages: a sign digit, a space, then the digits
    # in two's complement padded to `width` ("0b0 1001", "0b1 0110").
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        text = bin(num + ceiling).replace('1', '0', 1)
    else:
        text = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if len(digits) < width:
        digits = (sign[-1] * width + digits)[-width:]
    return '%s %s' % (sign, digits)


def _is_single_bit(v):
    return isinstance(v, int) and v > 0 and v & (v - 1) == 0


def _flag_masks(cls):
    # The masks CPython's EnumType keeps for a Flag class: every member's bits, the bits of
    # single-bit members, and all bits up to the highest.
    flag_mask = 0
    singles = 0
    for m in cls._member_map_.values():
        v = m._value_
        if not isinstance(v, int):
            continue
        flag_mask |= v
        if v > 0 and v & (v - 1) == 0:
            singles |= v
    cls._flag_mask_ = flag_mask
    cls._singles_mask_ = singles
    cls._all_bits_ = 2 ** flag_mask.bit_length() - 1


class Flag(Enum):
    """Support for flags: members combine with |, & and ^."""

    _boundary_ = STRICT
    _numeric_repr_ = repr
    _flag_mask_ = 0
    _singles_mask_ = 0
    _all_bits_ = 0
    _by_def_ = False

    def __init_subclass__(cls, boundary=None, **kwds):
        super().__init_subclass__(**kwds)
        if boundary is not None:
            cls._boundary_ = boundary
        _flag_masks(cls)
        # As CPython 3.11: only single-bit members are canonical (iteration, len());
        # zero and multi-bit members stay reachable by name as aliases.
        cls._member_names_ = [n for n in cls._member_names_ if _is_single_bit(cls._member_map_[n]._value_)]
        # CPython's _iter_member_by_def_: members not defined in increasing value order
        # decompose (for iteration and composite names) in definition order.
        values = [cls._member_map_[n]._value_ for n in cls._member_names_]
        cls._by_def_ = values != sorted(values)
        # As CPython's EnumType: the flag operators are Flag's own even when a data type
        # mixed in before Flag (int in IntFlag) defines them.
        for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                     '__invert__'):
            if name not in cls.__dict__:
                type.__setattr__(cls, name, Flag.__dict__[name])

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
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        out_of_range = not (~all_bits <= value <= all_bits) or value & (all_bits ^ flag_mask)
        if out_of_range:
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, _bits_text(value, width), _bits_text(flag_mask, width)))
            if boundary is CONFORM:
                value &= flag_mask
            elif boundary is EJECT:
                return value
            elif value < 0:
                value += max(all_bits + 1, 2 ** value.bit_length())
        negative = None
        if value < 0:
            negative = value
            value += all_bits + 1
        return cls._pseudo_member(value, negative)

    @classmethod
    def _pseudo_member(cls, value, negative=None):
        unknown = value & ~cls._flag_mask_
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        base = cls._member_type_
        if base is object:
            m = object.__new__(cls)
        else:
            m = base.__new__(cls, value)
        m._value_ = value
        members = cls._decompose(value)
        named = 0
        for mm in members:
            named |= mm._value_
        if not named:
            m._name_ = None
        else:
            m._name_ = '|'.join(mm._name_ for mm in members)
            rest = value ^ named
            if rest:
                m._name_ += '|%s' % cls._numeric_repr_(rest)
        if not unknown:
            m = cls._value2member_map_.setdefault(value, m)
            if negative is not None:
                cls._value2member_map_[negative] = m
        return m

    @classmethod
    def _decompose(cls, value):
        # Single-bit members from the lowest bit up, then multi-bit members whose bits are
        # all set but not covered by single-bit ones.
        out = []
        singles = value & cls._singles_mask_
        bit = 1
        while bit <= singles:
            if singles & bit:
                m = cls._value2member_map_.get(bit)
                if m is not None:
                    out.append(m)
            bit <<= 1
        if cls._by_def_:
            out.sort(key=lambda m: cls._member_names_.index(m._name_))
        extra = value & ~cls._singles_mask_
        if extra:
            for m in cls._member_map_.values():
                v = m._value_
                if v and v & value == v and m not in out:
                    out.append(m)
        return out

    def __iter__(self):
        return iter(self._decompose(self._value_ & self.__class__._singles_mask_))

    def __len__(self):
        return self._value_.bit_count()

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        base = self._member_type_
        if base is not object and isinstance(other, base):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ in (EJECT, KEEP):
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)

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


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    def __str__(self):
        return str(self._value_)


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
