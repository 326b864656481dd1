"""Typed arrays of numbers (CPython's array), stored as a list and packed with struct."""

import _struct

typecodes = 'bBuhHiIlLqQfd'

_LIMITS = {
    'b': (-128, 127, 'signed char'), 'B': (0, 255, 'unsigned byte integer'),
    'h': (-2 ** 15, 2 ** 15 - 1, 'signed short integer'),
    'H': (0, 2 ** 16 - 1, 'unsigned short'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer'), 'I': (0, 2 ** 32 - 1, 'unsigned int'),
    'l': (-2 ** 63, 2 ** 63 - 1, 'signed long integer'), 'L': (0, 2 ** 64 - 1, 'unsigned long'),
    'q': (-2 ** 63, 2 ** 63 - 1, 'signed long long integer'),
    'Q': (0, 2 ** 64 - 1, 'unsigned long long'),
}


def _check(typecode, v):
    if typecode in 'fd':
        if isinstance(v, (int, float)) and not isinstance(v, bool) or isinstance(v, bool):
            return float(v)
        raise TypeError(f'must be real number, not {type(v).__name__}')
    if typecode == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError(f'array item must be unicode character, not {type(v).__name__}')
        return v
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    lo, hi, name = _LIMITS[typecode]
    if v < lo:
        if typecode in 'BHILQ':
            raise OverflowError(f'{name} is less than minimum')
        raise OverflowError(f'{name} is less than minimum')
    if v > hi:
        raise OverflowError(f'{name} is greater than maximum')
    return int(v)


class array:
    """array(typecode [, initializer]) -> array"""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = 4 if typecode == 'u' else _struct.calcsize(typecode)
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'" % typecode)
            self._items = list(initializer)
        else:
            self.extend(initializer)

    def _new(self, items):
        a = array(self.typecode)
        a._items = items
        return a

    def append(self, v):
        self._items.append(_check(self.typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        for v in iterable:
            self.append(v)

    def insert(self, i, v):
        self._items.insert(i, _check(self.typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        return self._items.pop(i)

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        n = len(self._items)
        stop = n if stop is None else stop
        for i in range(*slice(start, stop).indices(n)):
            if self._items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        checked = [_check(self.typecode, v) for v in items]
        self._items.extend(checked)

    def tobytes(self):
        if self.typecode == 'u':
            return ''.join(self._items).encode('utf-32-le') if self._items else b''
        return _struct.pack('%d%s' % (len(self._items), self.typecode), *self._items)

    def frombytes(self, data):
        data = bytes(data)
        if len(data) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        n = len(data) // self.itemsize
        self._items.extend(_struct.unpack('%d%s' % (n, self.typecode), data))

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def buffer_info(self):
        return (0, len(self._items))

    def byteswap(self):
        if self.typecode in 'bB':
            return
        raw = self.tobytes()
        size = self.itemsize
        swapped = b''.join(raw[i:i + size][::-1] for i in range(0, len(raw), size))
        self._items = []
        self.frombytes(swapped)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            self._items[i] = v._items
            return
        try:
            self._items[i] = _check(self.typecode, v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        del self._items[i]

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __lt__(self, other):
        return self._items < other._items

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self.typecode
        if self.typecode == 'u':
            return 'array(%r, %r)' % (self.typecode, ''.join(self._items))
        return 'array(%r, %r)' % (self.typecode, self._items)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))


ArrayType = array


# CPython's array types are C types: error messages name them array.<name>.
import _typename
for _cls in (array,):
    _typename.set(_cls, 'array.' + _cls.__name__)
del _cls, _typename
