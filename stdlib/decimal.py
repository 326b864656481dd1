"""Decimal fixed- and floating-point arithmetic (the `decimal` module).

gyre's own implementation of the General Decimal Arithmetic model that CPython's `decimal`
follows: a finite number is a sign, an integer coefficient and a power-of-ten exponent;
results are rounded to the current context's precision with its rounding mode, and each
exceptional condition sets a flag and, when trapped, raises its signal class (the exception's
argument is a list holding the condition, as CPython's C module does). The current context is
a context variable, so each asyncio task has its own.

Layout: signals and constants, then `Decimal` (construction, text, arithmetic, rounding
helpers, the other operations), then `Context` and the module functions.
"""

import contextvars as _contextvars
import math as _math
import numbers as _numbers
from collections import namedtuple as _namedtuple

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext", "ExtendedContext",
    "DecimalException", "Clamped", "InvalidOperation", "DivisionByZero", "Inexact", "Rounded",
    "Subnormal", "Overflow", "Underflow", "FloatOperation", "DivisionImpossible",
    "InvalidContext", "ConversionSyntax", "DivisionUndefined", "ROUND_DOWN", "ROUND_HALF_UP",
    "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN",
    "ROUND_05UP", "setcontext", "getcontext", "localcontext", "MAX_PREC", "MAX_EMAX",
    "MIN_EMIN", "MIN_ETINY", "HAVE_THREADS", "HAVE_CONTEXTVAR",
]

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The signals a context keeps flags and traps for, in the order of its `flags` dict, and the
# order its repr lists them in.
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped]
_REPR_ORDER = [Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow]
# A condition raised by an operation maps to the signal whose flag and trap it uses.
_CONDITION_SIGNAL = {
    ConversionSyntax: InvalidOperation,
    DivisionImpossible: InvalidOperation,
    DivisionUndefined: InvalidOperation,
    InvalidContext: InvalidOperation,
}

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")

# Specials: finite numbers have `_special` None.
_INF = "F"
_QNAN = "n"
_SNAN = "N"

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


def _ndigits(n):
    """Number of decimal digits of the non-negative int `n` (1 for zero)."""
    if n < 10 ** 18:
        return len(str(n))
    k = int((n.bit_length() - 1) * 0.30102999566398120) - 1
    while n >= 10 ** (k + 1):
        k += 1
    return k + 1


# Coefficients may be longer than the int/str conversion limit (sys.get_int_max_str_digits):
# these convert in pieces, as CPython's C decimal does not go through int text at all.
_CHUNK = 4000


def _digits(n):
    """The decimal text of the non-negative int `n`, at any length."""
    if n < 10 ** _CHUNK:
        return str(n)
    k = _ndigits(n) // 2
    high, low = divmod(n, 10 ** k)
    return _digits(high) + _digits(low).rjust(k, "0")


def _int_of(text):
    """The int of a string of ASCII digits, at any length."""
    if len(text) <= _CHUNK:
        return int(text)
    k = len(text) // 2
    return _int_of(text[:-k]) * 10 ** k + _int_of(text[-k:])


def _round_coefficient(sign, coeff, drop, rounding):
    """Drop the `drop` lowest digits of `coeff`, rounding by `rounding` for a number of the
    given sign. Returns (new coefficient, whether anything non-zero was dropped)."""
    if drop <= 0 or coeff == 0:
        return 0 if drop > 0 else coeff, False
    if drop > _ndigits(coeff):
        # Every digit goes and what goes is below half a unit: only the directed modes
        # round away from zero.
        q, r, half = 0, 1, 2
    else:
        q, r = divmod(coeff, 10 ** drop)
        half = 5 * 10 ** (drop - 1)
    if r == 0:
        return q, False
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q & 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    else:  # ROUND_05UP
        up = q % 5 == 0
    return (q + 1 if up else q), True


def _parse(text):
    """Parse a numeric string into (sign, coefficient, exponent, special), or None."""
    s = text.strip().replace("_", "") if "_" in text else text.strip()
    if "_" in text and ("__" in text or text.strip().startswith("_") or text.strip().endswith("_")):
        return None
    if not s:
        return None
    sign = 0
    if s[0] in "+-":
        sign = 1 if s[0] == "-" else 0
        s = s[1:]
    low = s.lower()
    if low in ("inf", "infinity"):
        return sign, 0, 0, _INF
    for prefix, kind in (("snan", _SNAN), ("nan", _QNAN)):
        if low.startswith(prefix):
            payload = low[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            return sign, _int_of(payload.lstrip("0") or "0"), 0, kind
    exp = 0
    epos = low.find("e")
    if epos >= 0:
        etext = low[epos + 1:]
        body = etext[1:] if etext[:1] in "+-" else etext
        if not body or not body.isdigit() or not body.isascii():
            return None
        exp = int(etext)
        low = low[:epos]
    intpart, dot, frac = low.partition(".")
    if not intpart and not frac:
        return None
    digits = intpart + frac
    if not digits.isdigit() or not digits.isascii():
        return None
    return sign, _int_of(digits), exp - len(frac), None


class Decimal(object):
    """Floating-point decimal number: sign, integer coefficient and exponent."""

    __slots__ = ("_sign", "_int", "_exp", "_special")

    def __new__(cls, value="0", context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                ctx = context if context is not None else getcontext()
                return ctx._condition(ConversionSyntax, _nan_of(cls))
            self._sign, self._int, self._exp, self._special = parsed
            return self
        if isinstance(value, Decimal):
            self._sign, self._int = value._sign, value._int
            self._exp, self._special = value._exp, value._special
            return self
        if isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = -value if value < 0 else int(value)
            self._exp = 0
            self._special = None
            return self
        if isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._float_operation(False)
            d = Decimal.from_float(value)
            self._sign, self._int, self._exp, self._special = d._sign, d._int, d._exp, d._special
            return self
        if isinstance(value, (list, tuple)):
            return _from_tuple(cls, value)
        raise TypeError("conversion from %s to Decimal is not supported" % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """The exact value of the float or int `f`."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        if f != f:
            return cls("-NaN" if _math.copysign(1.0, f) < 0 else "NaN")
        if f in (float("inf"), float("-inf")):
            return cls("-Infinity" if f < 0 else "Infinity")
        sign = 1 if _math.copysign(1.0, f) < 0 else 0
        n, d = abs(f).as_integer_ratio()
        k = d.bit_length() - 1
        result = _make(sign, n * 5 ** k, -k)
        return result if cls is Decimal else cls(result)

    # -- introspection -------------------------------------------------------------------

    def as_tuple(self):
        """DecimalTuple(sign, digits, exponent)."""
        if self._special is None:
            digits = tuple(int(c) for c in _digits(self._int))
            return DecimalTuple(self._sign, digits, self._exp)
        digits = tuple(int(c) for c in _digits(self._int)) if self._int else ()
        if self._special == _INF:
            return DecimalTuple(self._sign, (0,), "F")
        return DecimalTuple(self._sign, digits, self._special)

    def as_integer_ratio(self):
        """The exact value as a (numerator, denominator) pair in lowest terms."""
        if self._special == _INF:
            raise OverflowError("cannot convert Infinity to integer ratio")
        if self._special is not None:
            raise ValueError("cannot convert NaN to integer ratio")
        n = -self._int if self._sign else self._int
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        d = 10 ** -self._exp
        g = _math.gcd(n, d)
        return n // g, d // g

    def adjusted(self):
        """The exponent of the most significant digit."""
        if self._special is not None:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def is_nan(self):
        return self._special in (_QNAN, _SNAN)

    def is_qnan(self):
        return self._special == _QNAN

    def is_snan(self):
        return self._special == _SNAN

    def is_infinite(self):
        return self._special == _INF

    def is_finite(self):
        return self._special is None

    def is_zero(self):
        return self._special is None and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._special is not None or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() >= ctx.Emin

    def is_subnormal(self, context=None):
        if self._special is not None or self._int == 0:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() < ctx.Emin

    def number_class(self, context=None):
        sign = "-" if self._sign else "+"
        if self._special == _SNAN:
            return "sNaN"
        if self._special == _QNAN:
            return "NaN"
        if self._special == _INF:
            return sign + "Infinity"
        if self._int == 0:
            return sign + "Zero"
        if self.is_subnormal(context):
            return sign + "Subnormal"
        return sign + "Normal"

    def radix(self):
        return Decimal(10)

    def canonical(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # -- text ----------------------------------------------------------------------------

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __str__(self, eng=False, context=None):
        capitals = (context if context is not None else getcontext()).capitals
        sign = "-" if self._sign else ""
        if self._special == _INF:
            return sign + "Infinity"
        if self._special is not None:
            head = "NaN" if self._special == _QNAN else "sNaN"
            return sign + head + (_digits(self._int) if self._int else "")
        digits = _digits(self._int)
        leftdigits = self._exp + len(digits)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = "0"
            fracpart = "." + "0" * -dotplace + digits
        elif dotplace >= len(digits):
            intpart = digits + "0" * (dotplace - len(digits))
            fracpart = ""
        else:
            intpart = digits[:dotplace]
            fracpart = "." + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ""
        else:
            exp = ("E" if capitals else "e") + "%+d" % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        """Text in engineering notation (exponent a multiple of 3)."""
        return self.__str__(eng=True, context=context)

    def __format__(self, spec):
        return _format_decimal(self, spec)

    # -- conversions ---------------------------------------------------------------------

    def __bool__(self):
        return self._special is not None or self._int != 0

    def _check_integral_conversion(self):
        if self._special in (_QNAN, _SNAN):
            raise ValueError("cannot convert NaN to integer")
        if self._special == _INF:
            raise OverflowError("cannot convert Infinity to integer")

    def __int__(self):
        self._check_integral_conversion()
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special == _SNAN:
            raise ValueError("cannot convert signaling NaN to float")
        if self._special == _QNAN:
            return float("-nan") if self._sign else float("nan")
        return float(str(self))

    def __complex__(self):
        return complex(float(self))

    def _to_int(self, rounding):
        self._check_integral_conversion()
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n, _ = _round_coefficient(self._sign, self._int, -self._exp, rounding)
        return -n if self._sign else n

    def __round__(self, n=None):
        if n is None:
            return self._to_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_make(0, 1, -n))

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __hash__(self):
        if self._special == _SNAN:
            raise TypeError("Cannot hash a signaling NaN value")
        if self._special == _QNAN:
            return object.__hash__(self)
        if self._special == _INF:
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._int * exp_hash % _HASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self if type(self) is Decimal else self.__class__(self)

    def __deepcopy__(self, memo):
        return self.__copy__()

    # -- comparison ----------------------------------------------------------------------

    def _cmp(self, other):
        """-1, 0 or 1 for finite or infinite self and other (no NaNs)."""
        if self._special == _INF or other._special == _INF:
            a = 0 if self._special != _INF else (-1 if self._sign else 1)
            b = 0 if other._special != _INF else (-1 if other._sign else 1)
            if a == b:
                return 0
            if a != 0 or b != 0:
                return -1 if a < b else 1
        if self._int == 0 and other._int == 0:
            return 0
        if self._int == 0:
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        result = _magnitude_cmp(self, other)
        return -result if self._sign else result

    def _compare_operand(self, other, equality):
        """`other` as a Decimal for comparing, or NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            getcontext()._float_operation(equality)
            return Decimal.from_float(other)
        if isinstance(other, complex) and equality and other.imag == 0:
            return Decimal.from_float(other.real)
        if isinstance(other, _numbers.Rational):
            return _RationalOperand(other)
        return NotImplemented

    def __eq__(self, other):
        other = self._compare_operand(other, True)
        if other is NotImplemented:
            return other
        if isinstance(other, _RationalOperand):
            return other.compare_with(self) == 0 if not self.is_nan() else False
        if self.is_nan() or other.is_nan():
            return False
        return self._cmp(other) == 0

    def _order(self, other, op):
        other = self._compare_operand(other, False)
        if other is NotImplemented:
            return other
        if isinstance(other, _RationalOperand):
            if self.is_nan():
                getcontext()._condition(InvalidOperation, None)
                return False
            return op(-other.compare_with(self))
        if self.is_nan() or other.is_nan():
            getcontext()._condition(InvalidOperation, None)
            return False
        return op(self._cmp(other))

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def compare(self, other, context=None):
        """Decimal(-1), Decimal(0) or Decimal(1); NaN if either operand is a NaN."""
        other = _operand(other, True)
        ctx, nan = _begin(self, context, other)
        if nan is not None:
            return nan
        return Decimal(self._cmp(other))

    def compare_signal(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _operand(other, True)
        if self.is_nan() or other.is_nan():
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return Decimal(self._cmp(other))

    def compare_total(self, other, context=None):
        """Total order of the representations: -1, 0 or 1 as a Decimal."""
        other = _operand(other, True)
        return Decimal(_total_cmp(self, other))

    def compare_total_mag(self, other, context=None):
        other = _operand(other, True)
        return self.copy_abs().compare_total(other.copy_abs())

    def max(self, other, context=None):
        return _extreme(self, _operand(other, True), context, 1, False)

    def min(self, other, context=None):
        return _extreme(self, _operand(other, True), context, -1, False)

    def max_mag(self, other, context=None):
        return _extreme(self, _operand(other, True), context, 1, True)

    def min_mag(self, other, context=None):
        return _extreme(self, _operand(other, True), context, -1, True)

    def same_quantum(self, other, context=None):
        other = _operand(other, True)
        if self._special is not None or other._special is not None:
            return (self.is_nan() and other.is_nan()) or (
                self._special == _INF and other._special == _INF)
        return self._exp == other._exp

    # -- unary ---------------------------------------------------------------------------

    def __neg__(self, context=None):
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        sign = 1 - self._sign
        if self._special is None and self._int == 0 and sign:
            sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return ctx._finish(sign, self._int, self._exp, self._special)

    def __pos__(self, context=None):
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        sign = self._sign
        if self._special is None and self._int == 0 and sign:
            sign = 1 if ctx.rounding == ROUND_FLOOR else 0
        return ctx._finish(sign, self._int, self._exp, self._special)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self._sign:
            return self.__neg__(context)
        return self.__pos__(context)

    def copy_abs(self):
        return _make(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _make(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _operand(other, True)
        return _make(other._sign, self._int, self._exp, self._special)

    # -- arithmetic ----------------------------------------------------------------------

    def __pow__(self, other, modulo=None, context=None):
        other = _operand(other)
        if other is NotImplemented:
            return other
        ctx = context if context is not None else getcontext()
        if modulo is not None:
            return _power_modulo(self, other, _operand(modulo, True), ctx)
        return _power(self, other, ctx)

    def __rpow__(self, other, modulo=None, context=None):
        other = _operand(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo, context)

    def remainder_near(self, other, context=None):
        """self - other * n, where n is self / other rounded to the nearest integer (ties to
        even)."""
        other = _operand(other, True)
        ctx, nan = _begin(self, context, other)
        if nan is not None:
            return nan
        if self._special == _INF or (other._special is None and other._int == 0):
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        if other._special == _INF:
            return ctx._finish(self._sign, self._int, self._exp)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        n, r = divmod(a, b)
        if 2 * r > b or (2 * r == b and n & 1):
            n += 1
            r -= b
        if n and _ndigits(n) > ctx.prec:
            return ctx._condition(DivisionImpossible, _nan_of(Decimal))
        sign = self._sign
        if r < 0:
            sign, r = 1 - sign, -r
        return ctx._finish(sign, r, exp)

    def fma(self, other, third, context=None):
        """self * other + third with one rounding."""
        ctx = context if context is not None else getcontext()
        other = _operand(other, True)
        third = _operand(third, True)
        exact = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
        product = self.__mul__(other, exact)
        if product.is_nan():
            return _nan_result(self, other, ctx) or _nan_result(product, third, ctx)
        return product.__add__(third, ctx)

    # -- rounding and exponents -----------------------------------------------------------

    def quantize(self, exp, rounding=None, context=None):
        """Round to the exponent of `exp`."""
        exp = _operand(exp, True)
        ctx, nan = _begin(self, context, exp)
        if nan is not None:
            return nan
        if self._special == _INF or exp._special == _INF:
            if self._special == _INF and exp._special == _INF:
                return Decimal(self)
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return _rescale(self, exp._exp, rounding or ctx.rounding, ctx)

    def to_integral_value(self, rounding=None, context=None):
        """Round to an integer, without signalling Inexact or Rounded."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special is not None or self._exp >= 0:
            return Decimal(self)
        coeff, _ = _round_coefficient(self._sign, self._int, -self._exp, rounding or ctx.rounding)
        return _make(self._sign, coeff, 0)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Round to an integer, signalling Inexact and Rounded as needed."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special is not None or self._exp >= 0:
            return Decimal(self)
        coeff, inexact = _round_coefficient(self._sign, self._int, -self._exp,
                                            rounding or ctx.rounding)
        result = _make(self._sign, coeff, 0)
        if self._int:
            ctx._condition(Rounded, None)
        if inexact:
            ctx._condition(Inexact, None)
        return result

    def normalize(self, context=None):
        """Round to the context and strip trailing zeros."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        d = ctx._finish(self._sign, self._int, self._exp, self._special)
        if d._special is not None:
            return d
        if d._int == 0:
            return _make(d._sign, 0, 0)
        coeff, exp = d._int, d._exp
        top = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        while coeff % 10 == 0 and exp < top:
            coeff //= 10
            exp += 1
        return _make(d._sign, coeff, exp)

    def scaleb(self, other, context=None):
        other = _operand(other, True)
        ctx, nan = _begin(self, context, other)
        if nan is not None:
            return nan
        if other._special is not None or other._exp != 0 or \
                abs(other._int) > 2 * (ctx.Emax + ctx.prec):
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        if self._special == _INF:
            return Decimal(self)
        return ctx._finish(self._sign, self._int, self._exp + int(other))

    def logb(self, context=None):
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special == _INF:
            return Decimal("Infinity")
        if self._int == 0:
            return ctx._condition(DivisionByZero, Decimal("-Infinity"))
        return ctx._finish(0 if self.adjusted() >= 0 else 1, abs(self.adjusted()), 0)

    def next_plus(self, context=None):
        ctx = context if context is not None else getcontext()
        return _next_toward(self, 1, ctx)

    def next_minus(self, context=None):
        ctx = context if context is not None else getcontext()
        return _next_toward(self, -1, ctx)

    def next_toward(self, other, context=None):
        other = _operand(other, True)
        ctx, nan = _begin(self, context, other)
        if nan is not None:
            return nan
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        result = _next_toward(self, -1 if c > 0 else 1, ctx)
        if result._special == _INF:
            ctx._condition(Inexact, None)
            ctx._condition(Rounded, None)
            return ctx._condition(Overflow, result)
        if result.adjusted() < ctx.Emin:
            for condition in (Underflow, Subnormal, Inexact, Rounded):
                ctx._condition(condition, None)
            if result._int == 0:
                ctx._condition(Clamped, None)
        return result

    # -- functions -----------------------------------------------------------------------

    def sqrt(self, context=None):
        """The square root, correctly rounded to the context."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special is None and self._int == 0:
            return _make(self._sign, 0, self._exp // 2)
        if self._sign:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        if self._special == _INF:
            return Decimal(self)
        p = ctx.prec + 1
        coeff, exp = self._int, self._exp
        if exp & 1:
            coeff *= 10
            exp -= 1
        # Scale so the root has at least p digits: coeff * 10**(2k).
        shift = max(0, p - (_ndigits(coeff) + 1) // 2 + 1)
        scaled = coeff * 10 ** (2 * shift)
        root = _math.isqrt(scaled)
        exact = root * root == scaled
        rexp = exp // 2 - shift
        if exact:
            ideal = self._exp // 2
            while rexp < ideal and root % 10 == 0:
                root //= 10
                rexp += 1
            return ctx._with_rounding(ROUND_HALF_EVEN)._finish(0, root, rexp)
        if root % 5 == 0:
            root += 1
        return ctx._with_rounding(ROUND_HALF_EVEN)._finish(0, root, rexp)

    def exp(self, context=None):
        """e ** self, correctly rounded to the context."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special == _INF:
            return Decimal(0) if self._sign else Decimal(self)
        if self._int == 0:
            return Decimal(1)
        if self.adjusted() > len(str(max(ctx.Emax, -ctx.Emin))) + 1:
            if self._sign:
                return ctx._with_rounding(ROUND_HALF_EVEN)._finish(0, 1, ctx.Etiny() - 1)
            return ctx._overflow(0)
        return _transcendental(self, ctx, _exp_fixed)

    def _logarithm(self, context, fixed):
        """ln or log10 (by `fixed`): the special operands first, then exact powers of ten
        (log10) and one (ln), then the correctly rounded value."""
        ctx, nan = _begin(self, context)
        if nan is not None:
            return nan
        if self._special is None and self._int == 0:
            return Decimal("-Infinity")
        if self._sign:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        if self._special == _INF:
            return Decimal(self)
        if fixed is _log10_fixed and self._int == 10 ** (_ndigits(self._int) - 1):
            return Decimal(self.adjusted())
        if fixed is _ln_fixed and self._int == 1 and self._exp == 0:
            return Decimal(0)
        return _transcendental(self, ctx, fixed)

    def ln(self, context=None):
        """The natural logarithm, correctly rounded to the context."""
        return self._logarithm(context, _ln_fixed)

    def log10(self, context=None):
        """The base-ten logarithm, correctly rounded to the context."""
        return self._logarithm(context, _log10_fixed)

    def logical_and(self, other, context=None):
        return _logical(self, other, context, lambda a, b: a & b)

    def logical_or(self, other, context=None):
        return _logical(self, other, context, lambda a, b: a | b)

    def logical_xor(self, other, context=None):
        return _logical(self, other, context, lambda a, b: a ^ b)


def _multiply(a, b, ctx):
    nan = _nan_result(a, b, ctx)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._special == _INF or b._special == _INF:
        if (a._special is None and a._int == 0) or (b._special is None and b._int == 0):
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return _make(sign, 0, 0, _INF)
    return ctx._finish(sign, a._int * b._int, a._exp + b._exp)


def _binary_method(name, operation):
    """A Decimal operator method `name` computing operation(self, other, context); ints
    convert, other types give NotImplemented."""
    def method(self, other, context=None):
        other = _operand(other)
        if other is NotImplemented:
            return other
        return operation(self, other, context if context is not None else getcontext())
    method.__name__ = method.__qualname__ = name
    return method


def _reflected_method(name, forward):
    """The reflected operator `name`: other.forward(self)."""
    def method(self, other, context=None):
        other = _operand(other)
        if other is NotImplemented:
            return other
        return getattr(other, forward)(self, context)
    method.__name__ = method.__qualname__ = name
    return method


def _begin(d, context, other=None):
    """The context an operation on `d` (and `other`) runs in, and its result when an operand
    is a NaN (None otherwise)."""
    ctx = context if context is not None else getcontext()
    return ctx, _nan_result(d, other, ctx)


def _make(sign, coeff, exp, special=None):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _nan_of(cls):
    d = object.__new__(cls)
    d._sign, d._int, d._exp, d._special = 0, 0, 0, _QNAN
    return d


def _from_tuple(cls, value):
    if len(value) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = value
    if sign not in (0, 1):
        raise ValueError("sign must be an integer with the value 0 or 1")
    coeff = 0
    for digit in digits:
        if not isinstance(digit, int) or not 0 <= digit <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        coeff = coeff * 10 + digit
    d = object.__new__(cls)
    d._sign, d._int = sign, coeff
    if exp == "F":
        d._int, d._exp, d._special = 0, 0, _INF
    elif exp in ("n", "N"):
        d._exp, d._special = 0, exp
    elif isinstance(exp, int):
        d._exp, d._special = exp, None
    else:
        raise ValueError("exponent must be an integer")
    return d


def _operand(other, strict=False):
    """`other` as a Decimal for arithmetic: Decimals and ints convert; anything else is
    NotImplemented, or a TypeError when `strict` (method arguments)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if strict:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return NotImplemented


class _RationalOperand:
    """A `numbers.Rational` (a Fraction) being compared with a Decimal."""

    def __init__(self, q):
        self.q = q

    def compare_with(self, d):
        """Sign of (q - d) for a non-NaN Decimal d."""
        if d._special == _INF:
            return 1 if d._sign else -1
        n, m = d.as_integer_ratio()
        left = self.q.numerator * m
        right = n * self.q.denominator
        return (left > right) - (left < right)


def _magnitude_cmp(a, b):
    """-1, 0 or 1 comparing |a| and |b| (finite); exponents are aligned only when the
    leading digits are at the same place, so huge exponents cost nothing."""
    if a._int == 0 or b._int == 0:
        return (a._int != 0) - (b._int != 0)
    adj_a, adj_b = a.adjusted(), b.adjusted()
    if adj_a != adj_b:
        return 1 if adj_a > adj_b else -1
    e = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - e)
    y = b._int * 10 ** (b._exp - e)
    return (x > y) - (x < y)


def _total_cmp(a, b):
    """-1, 0 or 1: the total order of representations (compare_total): -NaN < -sNaN <
    -Infinity < negative numbers < -0 < 0 < positive numbers < Infinity < sNaN < NaN; equal
    values order by exponent (for positives the smaller exponent first)."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    rank_a = {_INF: 2, _SNAN: 3, _QNAN: 4}.get(a._special, 1)
    rank_b = {_INF: 2, _SNAN: 3, _QNAN: 4}.get(b._special, 1)
    if rank_a != rank_b:
        c = 1 if rank_a > rank_b else -1
    elif rank_a >= 3:
        c = (a._int > b._int) - (a._int < b._int)
    elif rank_a == 2:
        c = 0
    else:
        c = _magnitude_cmp(a, b) or (a._exp > b._exp) - (a._exp < b._exp)
    return -c if a._sign else c


def _nan_result(a, b, ctx):
    """The result when an operand is a NaN (None otherwise): a signalling NaN signals
    InvalidOperation and quiets; the first NaN operand's payload wins."""
    for d in (a, b):
        if d is not None and d._special == _SNAN:
            return ctx._condition(InvalidOperation, _make(d._sign, d._int, 0, _QNAN))
    for d in (a, b):
        if d is not None and d._special == _QNAN:
            return _make(d._sign, d._int, 0, _QNAN)
    return None


def _extreme(a, b, context, direction, magnitude):
    ctx = context if context is not None else getcontext()
    if a._special == _SNAN or b._special == _SNAN:
        return _nan_result(a, b, ctx)
    if a.is_nan() and not b.is_nan():
        return ctx._finish(b._sign, b._int, b._exp, b._special)
    if b.is_nan() and not a.is_nan():
        return ctx._finish(a._sign, a._int, a._exp, a._special)
    if a.is_nan():
        return _nan_result(a, b, ctx)
    x, y = (a.copy_abs(), b.copy_abs()) if magnitude else (a, b)
    c = x._cmp(y)
    if c == 0 and magnitude:
        c = a._cmp(b)
    if c == 0:
        c = _total_cmp(a, b)
    pick = a if c * direction > 0 else b
    return ctx._finish(pick._sign, pick._int, pick._exp, pick._special)


def _add(a, b, ctx, negate_b):
    nan = _nan_result(a, b, ctx)
    if nan is not None:
        return nan
    bsign = b._sign ^ negate_b
    if a._special == _INF or b._special == _INF:
        if a._special == _INF and b._special == _INF and a._sign != bsign:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return _make(a._sign if a._special == _INF else bsign, 0, 0, _INF)
    exp = min(a._exp, b._exp)
    if a._int == 0 or b._int == 0:
        if a._int == 0 and b._int == 0:
            if a._sign == bsign:
                sign = a._sign
            else:
                sign = 1 if ctx.rounding == ROUND_FLOOR else 0
            return ctx._finish(sign, 0, exp)
        x = b if a._int == 0 else a
        xsign = bsign if a._int == 0 else a._sign
        # Adding a zero keeps the other operand at the smaller exponent, rounded to the
        # precision (one digit past it is enough to get the Rounded flag right).
        shift = min(x._exp - exp, max(0, ctx.prec - _ndigits(x._int)) + 1)
        return ctx._finish(xsign, x._int * 10 ** shift, x._exp - shift)
    x, xsign, y, ysign = a, a._sign, b, bsign
    if x.adjusted() < y.adjusted():
        x, xsign, y, ysign = y, ysign, x, xsign
    ycoeff, yexp = y._int, y._exp
    # An operand far below the other's precision only matters as a sticky digit.
    limit = min(x._exp, x.adjusted() - ctx.prec - 1) - 1
    if y.adjusted() < limit:
        ycoeff, yexp = 1, limit
    exp = min(x._exp, yexp)
    xv = x._int * 10 ** (x._exp - exp)
    yv = ycoeff * 10 ** (yexp - exp)
    total = (-xv if xsign else xv) + (-yv if ysign else yv)
    if total == 0:
        return ctx._finish(1 if ctx.rounding == ROUND_FLOOR else 0, 0, exp)
    return ctx._finish(1 if total < 0 else 0, abs(total), exp)


def _divide(a, b, ctx):
    nan = _nan_result(a, b, ctx)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._special == _INF:
        if b._special == _INF:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return _make(sign, 0, 0, _INF)
    if b._special == _INF:
        ctx._condition(Clamped, None)
        return _make(sign, 0, ctx.Etiny())
    if b._int == 0:
        if a._int == 0:
            return ctx._condition(DivisionUndefined, _nan_of(Decimal))
        return ctx._condition(DivisionByZero, _make(sign, 0, 0, _INF))
    ideal = a._exp - b._exp
    if a._int == 0:
        return ctx._finish(sign, 0, ideal)
    p = ctx.prec
    shift = _ndigits(b._int) - _ndigits(a._int) + p + 1
    if shift >= 0:
        q, r = divmod(a._int * 10 ** shift, b._int)
    else:
        q, r = divmod(a._int, b._int * 10 ** -shift)
    exp = ideal - shift
    if r:
        if q % 5 == 0:
            q += 1
    else:
        while exp < ideal and q % 10 == 0:
            q //= 10
            exp += 1
    return ctx._finish(sign, q, exp)


def _divmod(a, b, ctx, want):
    """a // b ("q"), a % b ("r") or both ("qr"): the quotient truncated toward zero, the
    remainder with a's sign."""
    nan = _nan_result(a, b, ctx)
    if nan is not None:
        return (nan, nan) if want == "qr" else nan
    sign = a._sign ^ b._sign
    invalid = b._int == 0 and b._special is None and a._special is None and a._int == 0
    if a._special == _INF and b._special == _INF:
        invalid = True
    if invalid:
        bad = ctx._condition(DivisionUndefined if b._special is None else InvalidOperation,
                             _nan_of(Decimal))
        return (bad, bad) if want == "qr" else bad
    if a._special == _INF or (b._special is None and b._int == 0):
        # The quotient is an infinity (DivisionByZero for a zero divisor); the remainder
        # is undefined.
        if want == "qr" and a._special is None:
            conditions = [c for c in (InvalidOperation, DivisionByZero) if ctx.traps[c]]
            ctx.flags[InvalidOperation] = ctx.flags[DivisionByZero] = True
            if conditions:
                raise conditions[0](conditions)
        if want == "r":
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        quotient = _make(sign, 0, 0, _INF)
        if a._special is None:
            quotient = ctx._condition(DivisionByZero, quotient)
        if want == "q":
            return quotient
        return quotient, ctx._condition(InvalidOperation, _nan_of(Decimal))
    if b._special == _INF:
        quotient = _make(sign, 0, 0)
        remainder = ctx._finish(a._sign, a._int, a._exp)
    elif a._int == 0 or a.adjusted() < b.adjusted():
        # |a| < |b|: the quotient is zero and the remainder a (no exponent alignment, which
        # could be huge).
        quotient = _make(sign, 0, 0)
        exp = min(a._exp, b._exp)
        if a._int == 0:
            remainder = ctx._finish(a._sign, 0, exp)
        else:
            remainder = _add(a, _make(0, 0, exp), ctx, 0)
    elif a.adjusted() - b.adjusted() > ctx.prec:
        bad = ctx._condition(DivisionImpossible, _nan_of(Decimal))
        return (bad, bad) if want == "qr" else bad
    else:
        exp = min(a._exp, b._exp)
        av = a._int * 10 ** (a._exp - exp)
        bv = b._int * 10 ** (b._exp - exp)
        q, r = divmod(av, bv)
        if q and _ndigits(q) > ctx.prec:
            bad = ctx._condition(DivisionImpossible, _nan_of(Decimal))
            return (bad, bad) if want == "qr" else bad
        quotient = _make(sign, q, 0)
        remainder = ctx._finish(a._sign, r, exp) if want != "q" else None
    if want == "q":
        return quotient
    if want == "r":
        return remainder
    return quotient, remainder


def _rescale(d, exp, rounding, ctx):
    """`d` (finite) at exponent `exp`, rounded; InvalidOperation if it no longer fits."""
    if not ctx.Etiny() <= exp <= ctx.Emax:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    if d._int == 0:
        return _make(d._sign, 0, exp)
    if exp >= d._exp:
        coeff, inexact = _round_coefficient(d._sign, d._int, exp - d._exp, rounding)
    elif d.adjusted() - exp + 1 > ctx.prec:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    else:
        coeff, inexact = d._int * 10 ** (d._exp - exp), False
    if coeff and _ndigits(coeff) > ctx.prec:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    if coeff and coeff + 0 != 0 and exp + _ndigits(coeff) - 1 > ctx.Emax:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    if exp > d._exp and d._int:
        ctx._condition(Rounded, None)
    if inexact:
        ctx._condition(Inexact, None)
    return _make(d._sign, coeff, exp)


def _next_toward(d, direction, ctx):
    nan = _nan_result(d, None, ctx)
    if nan is not None:
        return nan
    if d._special == _INF:
        if (d._sign == 0) == (direction > 0):
            return Decimal(d)
        return _make(d._sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
    tiny = _make(0 if direction > 0 else 1, 1, ctx.Etiny() - 1)
    rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
    quiet = ctx.copy()
    quiet.rounding = rounding
    quiet.traps = {s: False for s in _SIGNALS}
    return _add(d, tiny, quiet, 0)


def _power(base, exponent, ctx):
    nan = _nan_result(base, exponent, ctx)
    if nan is not None:
        return nan
    integral = exponent._special is None and (
        exponent._exp >= 0 or exponent._int % 10 ** -exponent._exp == 0)
    if exponent._special is None and exponent._int == 0:
        if base._special is None and base._int == 0:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
        return ctx._finish(0, 1, 0)
    n = int(exponent) if integral else None
    odd = n is not None and n % 2 == 1
    sign = base._sign if odd else 0
    if base._sign and not integral and not (base._special is None and base._int == 0):
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    if base._special == _INF:
        if exponent._sign:
            return _make(sign, 0, 0)
        return _make(sign, 0, 0, _INF)
    if base._int == 0:
        if exponent._sign:
            return _make(sign, 0, 0, _INF)
        return _make(sign, 0, 0)
    if exponent._special == _INF:
        mag = base.copy_abs()._cmp(Decimal(1))
        if mag == 0:
            ctx._condition(Inexact, None)
            ctx._condition(Rounded, None)
            return ctx._finish(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
        if (mag > 0) != bool(exponent._sign):
            return _make(0, 0, 0, _INF)
        return _make(0, 0, 0)
    too_far = _power_out_of_range(base, exponent, ctx)
    if too_far is not None:
        return too_far if sign == 0 else too_far.copy_negate()
    if integral and _ndigits(base._int) * abs(n) <= 4 * ctx.prec + 2000:
        if n > 0:
            return ctx._finish(sign, base._int ** n, base._exp * n)
        return _divide(_make(sign, 1, 0), _make(0, base._int ** -n, base._exp * -n), ctx)
    result = _transcendental_power(base.copy_abs(), exponent, ctx)
    return result.copy_negate() if sign else result


def _power_out_of_range(base, exponent, ctx):
    """For |base| ** exponent far beyond the exponent range: the overflowed or underflowed
    result (positive; its conditions signalled), else None."""
    digits = str(base._int)
    log10_base = base.adjusted() + _math.log10(float("0." + digits[:17]) * 10)
    if log10_base == 0:
        return None
    y = float(exponent.copy_abs())
    magnitude = y * abs(log10_base)
    limit = max(ctx.Emax, -ctx.Emin) + ctx.prec + 10
    if magnitude < limit:
        return None
    if (log10_base > 0) != bool(exponent._sign):
        return ctx._overflow(0)
    return ctx._finish(0, 1, ctx.Etiny() - 2)


def _power_modulo(base, exponent, modulus, ctx):
    for d in (base, exponent, modulus):
        if d._special is not None or d._exp < 0 and d._int % 10 ** -d._exp:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
    if exponent._sign or int(modulus) == 0:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    m = abs(int(modulus))
    if _ndigits(m) > ctx.prec:
        return ctx._condition(InvalidOperation, _nan_of(Decimal))
    value = pow(abs(int(base)), int(exponent), m)
    sign = base._sign if int(exponent) % 2 else 0
    return _make(sign, value, 0)


# -- transcendental functions: fixed point with guard digits, widened until the rounding is
# decided ------------------------------------------------------------------------------------

def _transcendental(d, ctx, fixed, rounding=ROUND_HALF_EVEN):
    """Round fixed(d, digits) to the context, adding guard digits until the result is safely
    away from a rounding boundary. `fixed` returns (coefficient, exponent) approximating the
    value to within one unit of its last place."""
    guard = 10
    while True:
        coeff, exp = fixed(d, ctx.prec + guard)
        sign = 1 if coeff < 0 else 0
        coeff = abs(coeff)
        drop = _ndigits(coeff) - ctx.prec
        if drop <= 2:
            guard += 10
            continue
        low = coeff % 10 ** drop
        margin = 10 ** (drop - 1)
        half = 5 * 10 ** (drop - 1)
        if margin < low < half - margin or half + margin < low < 10 ** drop - margin:
            break
        guard += 20
        if guard > 400:
            break
    rounded = ctx._with_rounding(rounding)
    if coeff % 5 == 0:
        coeff += 1
    return rounded._finish(sign, coeff, exp)


def _fixed_point(d, digits):
    """d as an int scaled by 10**digits."""
    e = d._exp + digits
    v = d._int * 10 ** e if e >= 0 else d._int // 10 ** -e
    return -v if d._sign else v


def _exp_fixed(d, digits):
    # e**x for x = d: split x = k*ln(10) + r, compute e**r by its series.
    adj = d.adjusted()
    extra = max(0, adj) + 10
    scale = digits + extra
    one = 10 ** scale
    x = _fixed_point(d, scale)
    ln10 = _ln10_fixed(scale)
    k = x // ln10
    r = x - k * ln10
    # halve r until small, square back
    halvings = 0
    while r > one // 1000:
        r //= 2
        halvings += 1
    term = one
    total = one
    i = 1
    while term:
        term = term * r // (one * i)
        total += term
        i += 1
    for _ in range(halvings):
        total = total * total // one
    # value = total / 10**scale * 10**k
    return total, k - scale


_LN10_CACHE = {}


def _ln10_fixed(scale):
    """ln(10) * 10**scale."""
    cached = _LN10_CACHE.get(scale)
    if cached is None:
        cached = _ln_series(10 * 10 ** (scale + 5), scale + 5) // 10 ** 5
        _LN10_CACHE[scale] = cached
    return cached


def _ln_series(x, scale):
    """ln(x / 10**scale) * 10**scale for x > 0, by atanh series on square roots."""
    one = 10 ** scale
    roots = 0
    while x > one + one // 100 or x < one - one // 100:
        x = _math.isqrt(x * one)
        roots += 1
    # ln(x) = 2 atanh((x-1)/(x+1))
    y = (x - one) * one // (x + one)
    y2 = y * y // one
    term = y
    total = 0
    k = 1
    while term:
        total += term // k
        term = term * y2 // one
        k += 2
    return 2 * total * (2 ** roots)


def _ln_fixed(d, digits):
    adj = d.adjusted()
    scale = digits + 10 + _ndigits(abs(adj))
    # d = m * 10**adj with 1 <= m < 10
    m = _make(0, d._int, d._exp - adj)
    mv = _fixed_point(m, scale)
    value = _ln_series(mv, scale) + adj * _ln10_fixed(scale)
    return value, -scale


def _log10_fixed(d, digits):
    adj = d.adjusted()
    scale = digits + 10 + _ndigits(abs(adj))
    m = _make(0, d._int, d._exp - adj)
    mv = _fixed_point(m, scale)
    value = _ln_series(mv, scale) * 10 ** scale // _ln10_fixed(scale) + adj * 10 ** scale
    return value, -scale


def _transcendental_power(base, exponent, ctx):
    def fixed(_d, digits):
        lnv, lexp = _ln_fixed(base, digits + 10)
        product = _make(1 if lnv < 0 else 0, abs(lnv), lexp).__mul__(
            exponent, Context(prec=digits + 20, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[]))
        return _exp_fixed(product, digits)
    return _transcendental(base, ctx, fixed, ctx.rounding)


def _logical(a, b, context, op):
    ctx = context if context is not None else getcontext()
    b = _operand(b, True)
    for d in (a, b):
        if d._special is not None or d._sign or d._exp != 0 or set(str(d._int)) - {"0", "1"}:
            return ctx._condition(InvalidOperation, _nan_of(Decimal))
    width = max(len(str(a._int)), len(str(b._int)))
    x = str(a._int).rjust(width, "0")
    y = str(b._int).rjust(width, "0")
    digits = "".join(str(op(int(p), int(q))) for p, q in zip(x, y))
    return _make(0, int(digits), 0)


# -- formatting ----------------------------------------------------------------------------

def _parse_spec(spec):
    """Split a format spec into its fields (the format mini-language)."""
    i = 0
    fill, align = " ", None
    if len(spec) >= 2 and spec[1] in "<>=^":
        fill, align = spec[0], spec[1]
        i = 2
    elif spec[:1] in ("<", ">", "=", "^"):
        align = spec[0]
        i = 1
    sign = "-"
    if spec[i:i + 1] in ("+", "-", " "):
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if spec[i:i + 1] == "z":
        no_neg_zero = True
        i += 1
    zero = False
    if spec[i:i + 1] == "0":
        zero = True
        i += 1
    j = i
    while spec[j:j + 1].isdigit():
        j += 1
    width = int(spec[i:j]) if j > i else 0
    i = j
    thousands = ""
    if spec[i:i + 1] == ",":
        thousands = spec[i]
        i += 1
    precision = None
    if spec[i:i + 1] == ".":
        j = i + 1
        while spec[j:j + 1].isdigit():
            j += 1
        if j == i + 1:
            raise ValueError("invalid format string")
        precision = int(spec[i + 1:j])
        i = j
    kind = spec[i:] or None
    if kind is not None and (len(kind) != 1 or kind not in "eEfFgGn%"):
        raise ValueError("invalid format string")
    if zero and align is None:
        fill, align = "0", "="
    return fill, align or ">", sign, no_neg_zero, width, thousands, precision, kind


def _group(intpart, sep):
    if not sep:
        return intpart
    groups = []
    while len(intpart) > 3:
        groups.append(intpart[-3:])
        intpart = intpart[:-3]
    groups.append(intpart)
    return sep.join(reversed(groups))


def _format_decimal(d, spec):
    fill, align, sign_opt, no_neg_zero, width, sep, precision, kind = _parse_spec(spec)
    ctx = getcontext()
    if kind is None:
        kind = "G" if ctx.capitals else "g"
    rounding = ctx.rounding
    negative = d._sign == 1
    if d._special is not None:
        body = str(d.copy_abs())
        if kind == "%":
            body += "%"
        if fill == "0" and align == "=":
            fill, align = " ", ">"
    else:
        if kind == "%":
            d = _make(d._sign, d._int, d._exp + 2)
        if precision is not None:
            if kind in "eE":
                d = _round_to_digits(d, precision + 1, rounding)
                if d._int and _ndigits(d._int) < precision + 1:
                    pad = precision + 1 - _ndigits(d._int)
                    d = _make(d._sign, d._int * 10 ** pad, d._exp - pad)
            elif kind in "fF%":
                d = _rescale_exact(d, -precision, rounding)
            elif kind in "gGn":
                d = _round_to_digits(d, max(precision, 1), rounding)
        if no_neg_zero and d._int == 0:
            negative = False
        digits = _digits(d._int)
        leftdigits = d._exp + len(digits)
        if kind in "eE":
            dotplace = 1 - precision if d._int == 0 and precision is not None else 1
        elif kind in "fF%":
            dotplace = leftdigits
        else:
            if d._exp <= 0 and leftdigits > -6:
                dotplace = leftdigits
            else:
                dotplace = 1
        if dotplace < 0:
            intpart = "0"
            frac = "0" * -dotplace + digits
        elif dotplace > len(digits):
            intpart = digits + "0" * (dotplace - len(digits)) if d._int else "0"
            frac = ""
        else:
            intpart = digits[:dotplace] or "0"
            frac = digits[dotplace:]
        exp = leftdigits - dotplace
        body_frac = "." + frac if frac else ""
        if kind in "eE" or (kind in "gGn" and exp != 0) or (kind in "gG" and dotplace != leftdigits):
            echar = "E" if kind in "EG" else "e"
            tail = echar + "%+d" % exp
        else:
            tail = ""
        if kind == "%":
            tail += "%"
        if fill == "0" and align == "=" and sep and width:
            intlen = width - len(body_frac) - len(tail) - (1 if negative or sign_opt in "+ " else 0)
            intpart = _zero_pad_grouped(intpart, intlen, sep)
        else:
            intpart = _group(intpart, sep)
        body = intpart + body_frac + tail
    if negative:
        sign = "-"
    elif sign_opt == "+":
        sign = "+"
    elif sign_opt == " ":
        sign = " "
    else:
        sign = ""
    return _pad(sign, body, fill, align, width)


def _zero_pad_grouped(intpart, length, sep):
    grouped = _group(intpart, sep)
    while len(grouped) < length:
        intpart = "0" + intpart
        grouped = _group(intpart, sep)
    if len(grouped) > length and grouped.startswith(sep):
        grouped = grouped[1:]
    return grouped


def _pad(sign, body, fill, align, width):
    length = len(sign) + len(body)
    if length >= width:
        return sign + body
    gap = width - length
    if align == "<":
        return sign + body + fill * gap
    if align == "^":
        left = gap // 2
        return fill * left + sign + body + fill * (gap - left)
    if align == "=":
        return sign + fill * gap + body
    return fill * gap + sign + body


def _round_to_digits(d, n, rounding):
    """d rounded to n significant digits (no context limits)."""
    if d._int == 0:
        return d
    drop = _ndigits(d._int) - n
    if drop <= 0:
        return d
    coeff, _ = _round_coefficient(d._sign, d._int, drop, rounding)
    exp = d._exp + drop
    if _ndigits(coeff) > n:
        coeff //= 10
        exp += 1
    return _make(d._sign, coeff, exp)


def _rescale_exact(d, exp, rounding):
    if exp >= d._exp:
        coeff, _ = _round_coefficient(d._sign, d._int, exp - d._exp, rounding)
    else:
        coeff = d._int * 10 ** (d._exp - exp)
    return _make(d._sign, coeff, exp)


# -- contexts ---------------------------------------------------------------------------------

def _signal_dict(value, name):
    result = {s: False for s in _SIGNALS}
    if value is None:
        return result
    if isinstance(value, dict):
        for key, flag in value.items():
            if key not in result:
                raise KeyError("invalid signal dict")
            result[key] = bool(flag)
        return result
    for key in value:
        if key not in result:
            raise KeyError("invalid error flag")
        result[key] = True
    return result


class Context(object):
    """Precision, rounding, exponent limits, flags and traps for decimal operations."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = DefaultContext if "DefaultContext" in globals() else None
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (
            base.rounding if base else ROUND_HALF_EVEN)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        self.flags = _signal_dict(flags, "flags")
        if traps is None and base is not None:
            self.traps = dict(base.traps)
        else:
            self.traps = _signal_dict(traps, "traps")

    def __setattr__(self, name, value):
        if name == "prec":
            _check_int(value, 1, MAX_PREC, "valid range for prec is [1, MAX_PREC]")
        elif name == "rounding":
            if value not in _ROUNDINGS:
                raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                                "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                                "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        elif name == "Emin":
            _check_int(value, MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]")
        elif name == "Emax":
            _check_int(value, 0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]")
        elif name == "capitals":
            _check_int(value, 0, 1, "valid values for capitals are 0 or 1")
        elif name == "clamp":
            _check_int(value, 0, 1, "valid values for clamp are 0 or 1")
        elif name in ("flags", "traps"):
            value = _signal_dict(value, name)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __repr__(self):
        flags = [s.__name__ for s in _REPR_ORDER if self.flags[s]]
        traps = [s.__name__ for s in _REPR_ORDER if self.traps[s]]
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self.prec, self.rounding, self.Emin, self.Emax,
                                             self.capitals, self.clamp, ", ".join(flags),
                                             ", ".join(traps)))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, dict(self.flags), dict(self.traps))

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                          self.clamp, [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def _with_rounding(self, rounding):
        if self.rounding == rounding:
            return self
        ctx = _RoundingView(self)
        object.__setattr__(ctx, "rounding", rounding)
        return ctx

    def _condition(self, condition, result):
        """Record `condition`; raise it if its signal is trapped, else return `result`."""
        signal = _CONDITION_SIGNAL.get(condition, condition)
        self.flags[signal] = True
        if self.traps[signal]:
            raise signal([condition])
        return result

    def _float_operation(self, equality):
        """Mixing floats with Decimals: flags FloatOperation, raising it when trapped
        (except for equality comparisons, which never raise)."""
        self.flags[FloatOperation] = True
        if self.traps[FloatOperation] and not equality:
            raise FloatOperation([FloatOperation])

    def _finish(self, sign, coeff, exp, special=None):
        """Round a result to this context: precision, subnormal range, overflow, clamp."""
        if special is not None:
            return _make(sign, coeff if special != _INF else 0, exp if special is None else 0,
                         special)
        prec = self.prec
        etiny = self.Emin - prec + 1
        etop = self.Emax - prec + 1
        if coeff == 0:
            top = etop if self.clamp else self.Emax
            new_exp = min(max(exp, etiny), top)
            if new_exp != exp:
                self._condition(Clamped, None)
            return _make(sign, 0, new_exp)
        n = _ndigits(coeff)
        adjusted = exp + n - 1
        drop = max(n - prec, etiny - exp)
        inexact = False
        if drop > 0:
            coeff, inexact = _round_coefficient(sign, coeff, drop, self.rounding)
            exp += drop
            if _ndigits(coeff) > prec:
                coeff //= 10
                exp += 1
            if adjusted < self.Emin:
                self._condition(Subnormal, None)
                if inexact:
                    self._condition(Underflow, None)
                    if coeff == 0:
                        self._condition(Clamped, None)
            if inexact:
                self._condition(Inexact, None)
            self._condition(Rounded, None)
        elif adjusted < self.Emin:
            self._condition(Subnormal, None)
        if exp + _ndigits(coeff) - 1 > self.Emax and coeff:
            return self._overflow(sign)
        if self.clamp and exp > etop:
            coeff *= 10 ** (exp - etop)
            exp = etop
            self._condition(Clamped, None)
        return _make(sign, coeff, exp)

    def _overflow(self, sign):
        self._condition(Inexact, None)
        self._condition(Rounded, None)
        r = self.rounding
        to_infinity = r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or (
            r == ROUND_CEILING and sign == 0) or (r == ROUND_FLOOR and sign == 1)
        if to_infinity:
            result = _make(sign, 0, 0, _INF)
        else:
            result = _make(sign, 10 ** self.prec - 1, self.Emax - self.prec + 1)
        return self._condition(Overflow, result)

    # -- the operations as context methods ------------------------------------------------

    def create_decimal(self, num="0"):
        """`num` as a Decimal rounded to this context."""
        if isinstance(num, str) and (num != num.strip() or "_" in num):
            return self._condition(ConversionSyntax, _nan_of(Decimal))
        if isinstance(num, float):
            self._float_operation(False)
        d = Decimal(num, context=self)
        if d._special == _QNAN and _ndigits(d._int) > self.prec - self.clamp and d._int:
            return self._condition(ConversionSyntax, _nan_of(Decimal))
        return self._finish(d._sign, d._int, d._exp, d._special)

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        return self._finish(d._sign, d._int, d._exp, d._special)

    def abs(self, a):
        return _operand(a, True).__abs__(context=self)

    def power(self, a, b, modulo=None):
        return _operand(a, True).__pow__(_operand(b, True), modulo, self)

    def quantize(self, a, b):
        return _operand(a, True).quantize(b, context=self)

    def to_integral_value(self, a):
        return _operand(a, True).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _operand(a, True).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return _operand(a, True).__str__(context=self)

    def fma(self, a, b, c):
        return _operand(a, True).fma(b, c, self)

    def copy_decimal(self, a):
        return Decimal(_operand(a, True))

    def is_canonical(self, a):
        return True

    def canonical(self, a):
        return _operand(a, True)

    def radix(self):
        return Decimal(10)


def _context_method(name, method, arity, with_context):
    """Context.name(a[, b]): the Decimal method `method` of `a` (ints convert), given the
    context when `with_context`."""
    if arity == 1:
        def operation(self, a):
            d = _operand(a, True)
            return getattr(d, method)(self) if with_context else getattr(d, method)()
    else:
        def operation(self, a, b):
            d, other = _operand(a, True), _operand(b, True)
            if with_context:
                return getattr(d, method)(other, self)
            return getattr(d, method)(other)
    operation.__name__ = name
    operation.__qualname__ = "Context." + name
    return operation


for _name, _method, _arity, _with_context in [
        ("plus", "__pos__", 1, True), ("minus", "__neg__", 1, True),
        ("normalize", "normalize", 1, True), ("sqrt", "sqrt", 1, True), ("exp", "exp", 1, True),
        ("ln", "ln", 1, True), ("log10", "log10", 1, True), ("logb", "logb", 1, True),
        ("next_plus", "next_plus", 1, True), ("next_minus", "next_minus", 1, True),
        ("number_class", "number_class", 1, True), ("is_normal", "is_normal", 1, True),
        ("is_subnormal", "is_subnormal", 1, True), ("to_eng_string", "to_eng_string", 1, True),
        ("copy_abs", "copy_abs", 1, False), ("copy_negate", "copy_negate", 1, False),
        ("is_finite", "is_finite", 1, False), ("is_infinite", "is_infinite", 1, False),
        ("is_nan", "is_nan", 1, False), ("is_qnan", "is_qnan", 1, False),
        ("is_snan", "is_snan", 1, False), ("is_signed", "is_signed", 1, False),
        ("is_zero", "is_zero", 1, False),
        ("add", "__add__", 2, True), ("subtract", "__sub__", 2, True),
        ("multiply", "__mul__", 2, True), ("divide", "__truediv__", 2, True),
        ("divide_int", "__floordiv__", 2, True), ("divmod", "__divmod__", 2, True),
        ("remainder", "__mod__", 2, True), ("remainder_near", "remainder_near", 2, True),
        ("compare", "compare", 2, True), ("compare_signal", "compare_signal", 2, True),
        ("max", "max", 2, True), ("min", "min", 2, True), ("max_mag", "max_mag", 2, True),
        ("min_mag", "min_mag", 2, True), ("scaleb", "scaleb", 2, True),
        ("next_toward", "next_toward", 2, True), ("logical_and", "logical_and", 2, True),
        ("logical_or", "logical_or", 2, True), ("logical_xor", "logical_xor", 2, True),
        ("compare_total", "compare_total", 2, False),
        ("compare_total_mag", "compare_total_mag", 2, False),
        ("same_quantum", "same_quantum", 2, False), ("copy_sign", "copy_sign", 2, False)]:
    setattr(Context, _name, _context_method(_name, _method, _arity, _with_context))


class _RoundingView(Context):
    """A context sharing another's flags and traps with a different rounding mode (used
    where an operation always rounds half-even, like sqrt)."""

    def __init__(self, base):
        for name in ("prec", "Emin", "Emax", "capitals", "clamp"):
            object.__setattr__(self, name, getattr(base, name))
        object.__setattr__(self, "flags", base.flags)
        object.__setattr__(self, "traps", base.traps)


def _check_int(value, low, high, message):
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if not low <= value <= high:
        raise ValueError(message)


DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, Emin=-999999, Emax=999999, capitals=1,
                       clamp=0, flags=[],
                       traps=[Clamped, DivisionByZero, InvalidOperation, Overflow, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                          capitals=1, clamp=0, flags=[], traps=[])

_current_context = _contextvars.ContextVar("decimal_context")


def getcontext():
    """The current context (a fresh copy of DefaultContext the first time)."""
    try:
        return _current_context.get()
    except LookupError:
        ctx = DefaultContext.copy()
        ctx.clear_flags()
        _current_context.set(ctx)
        return ctx


def setcontext(context):
    """Make `context` current (the default contexts are copied first)."""
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
        context.clear_flags()
    _current_context.set(context)


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager making a copy of `ctx` (default: the current context) current,
    with the given attributes changed."""
    if ctx is None:
        ctx = getcontext()
    manager = _ContextManager(ctx)
    for key, value in kwargs.items():
        if key not in ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"):
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        setattr(manager.new_context, key, value)
    return manager


# The operators made by _binary_method/_reflected_method (every helper is defined by now).
for _name, _operation in [
        ("__add__", lambda a, b, ctx: _add(a, b, ctx, 0)),
        ("__sub__", lambda a, b, ctx: _add(a, b, ctx, 1)),
        ("__mul__", _multiply),
        ("__truediv__", _divide),
        ("__floordiv__", lambda a, b, ctx: _divmod(a, b, ctx, "q")),
        ("__mod__", lambda a, b, ctx: _divmod(a, b, ctx, "r")),
        ("__divmod__", lambda a, b, ctx: _divmod(a, b, ctx, "qr"))]:
    setattr(Decimal, _name, _binary_method(_name, _operation))
for _name in ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__",
              "__divmod__"]:
    _reflected = "__r" + _name[2:]
    setattr(Decimal, _reflected, _reflected_method(_reflected, _name))

_numbers.Number.register(Decimal)


# CPython's decimal types are C types: error messages name them decimal.<name>.
import _typename
for _cls in (Decimal, Context,):
    _typename.set(_cls, 'decimal.' + _cls.__name__)
del _cls, _typename
