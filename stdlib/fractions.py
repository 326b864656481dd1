"""Rational numbers (CPython's `fractions`): `Fraction` from ints, floats, strings and other
rationals, exact arithmetic mixed with ints (floats and complexes give floats/complexes),
comparisons, hashing consistent with equal numbers, rounding and limit_denominator."""

import math
import operator
import numbers

__all__ = ["Fraction"]

try:
    _COMPLEX = (complex,)
except NameError:
    # Builds without complex numbers: only ints, fractions and floats mix with Fraction.
    _COMPLEX = ()

# CPython's numeric hash works modulo this prime; equal numbers must hash alike.
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _parse(text):
    s = text.strip()
    sign = 1
    body = s
    if body[:1] in ("+", "-"):
        if body[0] == "-":
            sign = -1
        body = body[1:]
    if "/" in body:
        num, _, den = body.partition("/")
        if not (_digits(num) and _digits(den)):
            return None
        return sign * int(num.replace("_", "")), int(den.replace("_", ""))
    mant, exp = body, 0
    for e in "eE":
        if e in body:
            mant, _, exp_text = body.partition(e)
            if not _digits(exp_text[1:] if exp_text[:1] in ("+", "-") else exp_text):
                return None
            exp = int(exp_text.replace("_", ""))
            break
    whole, dot, frac = mant.partition(".")
    if not whole and not frac:
        return None
    if (whole and not _digits(whole)) or (frac and not _digits(frac)):
        return None
    num = int((whole + frac).replace("_", "") or "0")
    den = 1
    if frac:
        den = 10 ** len(frac.replace("_", ""))
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


def _digits(s):
    # Digits with single underscores between them, as in int literals.
    if not s or s[0] == "_" or s[-1] == "_" or "__" in s:
        return False
    return all("0" <= c <= "9" or c == "_" for c in s)


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, (float,)):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: {!r}".format(numerator))
                numerator, denominator = parsed
                if denominator == 0:
                    raise ZeroDivisionError("Fraction({}, 0)".format(numerator))
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator"):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif hasattr(numerator, "as_integer_ratio"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            n1, d1 = _pair(numerator)
            n2, d2 = _pair(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction({}, 0)".format(numerator))
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("{}.from_float() only takes floats, not {!r} ({})".format(
                cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "{}({}, {})".format(self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "{}/{}".format(self._numerator, self._denominator)

    def _binary(self, other, op, fop, reflected):
        if isinstance(other, (int, Fraction)):
            a, b = (other, self) if reflected else (self, other)
            return op(Fraction(a), Fraction(b))
        if isinstance(other, float):
            return fop(other, float(self)) if reflected else fop(float(self), other)
        if isinstance(other, _COMPLEX):
            return fop(other, complex(float(self))) if reflected else fop(complex(float(self)), other)
        return NotImplemented

    def __add__(self, other):
        return self._binary(other, _add, operator.add, False)

    def __radd__(self, other):
        return self._binary(other, _add, operator.add, True)

    def __sub__(self, other):
        return self._binary(other, _sub, operator.sub, False)

    def __rsub__(self, other):
        return self._binary(other, _sub, operator.sub, True)

    def __mul__(self, other):
        return self._binary(other, _mul, operator.mul, False)

    def __rmul__(self, other):
        return self._binary(other, _mul, operator.mul, True)

    def __truediv__(self, other):
        return self._binary(other, _div, operator.truediv, False)

    def __rtruediv__(self, other):
        return self._binary(other, _div, operator.truediv, True)

    def __floordiv__(self, other):
        return self._binary(other, _floordiv, operator.floordiv, False)

    def __rfloordiv__(self, other):
        return self._binary(other, _floordiv, operator.floordiv, True)

    def __mod__(self, other):
        return self._binary(other, _mod, operator.mod, False)

    def __rmod__(self, other):
        return self._binary(other, _mod, operator.mod, True)

    def __divmod__(self, other):
        return self._binary(other, _divmod, divmod, False)

    def __rdivmod__(self, other):
        return self._binary(other, _divmod, divmod, True)

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other)
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power, _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction({}, 0)".format(self._denominator ** -power))
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power, _normalize=False)
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power, _normalize=False)
        if isinstance(other, (float, Fraction) + _COMPLEX):
            return float(self) ** (float(other) if isinstance(other, Fraction) else other)
        return NotImplemented

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        if isinstance(other, (int, Fraction)):
            return Fraction(other) ** self
        if isinstance(other, (float,) + _COMPLEX):
            return other ** float(self)
        return NotImplemented

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'Fraction' object cannot be interpreted as an integer")

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        dinv = pow(self._denominator, _HASH_MODULUS - 2, _HASH_MODULUS)
        if not dinv:
            h = _HASH_INF
        else:
            h = (abs(self._numerator) % _HASH_MODULUS) * dinv % _HASH_MODULUS
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(self, other):
        if type(other) is int:
            return self._numerator == other and self._denominator == 1
        if isinstance(other, (int, Fraction)):
            return self._numerator == other.numerator and self._denominator == other.denominator
        if isinstance(other, _COMPLEX) and other.imag == 0:
            other = other.real
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return 0.0 == other
            return self == Fraction.from_float(other)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, Fraction.from_float(other))
        return NotImplemented

    def __lt__(self, other):
        return self._richcmp(other, operator.lt)

    def __gt__(self, other):
        return self._richcmp(other, operator.gt)

    def __le__(self, other):
        return self._richcmp(other, operator.le)

    def __ge__(self, other):
        return self._richcmp(other, operator.ge)

    def __bool__(self):
        return bool(self._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _pair(x):
    return (x, 1) if isinstance(x, int) else (x.numerator, x.denominator)


def _add(a, b):
    return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _sub(a, b):
    return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _mul(a, b):
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if b._numerator == 0:
        # CPython reduces by the common factors before it notices the zero denominator.
        g1 = math.gcd(a._numerator, 0)
        na = a._numerator // g1 if g1 > 1 else a._numerator
        g2 = math.gcd(b._denominator, a._denominator)
        db = b._denominator // g2 if g2 > 1 else b._denominator
        raise ZeroDivisionError("Fraction({}, 0)".format(na * db))
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _floordiv(a, b):
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _divmod(a, b):
    da, db = a._denominator, b._denominator
    div, n_mod = divmod(a._numerator * db, da * b._numerator)
    return div, Fraction(n_mod, da * db)


def _mod(a, b):
    da, db = a._denominator, b._denominator
    return Fraction((a._numerator * db) % (b._numerator * da), da * db)


# CPython's Fraction derives from numbers.Rational; registering it gives the same isinstance
# and issubclass answers without putting the ABCs in Fraction's MRO.
numbers.Rational.register(Fraction)
