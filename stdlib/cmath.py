"""Mathematical functions for complex numbers: the basics of CPython's cmath (sqrt, exp, log,
log10, phase, polar, rect, isclose, isfinite, isinf, isnan and the constants), computed
with CPython's formulas for finite arguments. Special values (infinities and NaNs inside
sqrt/exp/log) follow the plain formulas, not CPython's tables."""

import math

pi = math.pi
e = math.e
tau = math.tau
inf = math.inf
nan = math.nan
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_DBL_MIN = 2.2250738585072014e-308
_LARGE = 1.7976931348623157e308 / 4.0


def _c(z):
    if isinstance(z, complex):
        return z
    if isinstance(z, (int, float)):
        return complex(z)
    if hasattr(z, '__complex__'):
        return z.__complex__()
    if hasattr(z, '__float__') or hasattr(z, '__index__'):
        return complex(float(z))
    raise TypeError(f"must be real number, not {type(z).__name__}")


def phase(z):
    z = _c(z)
    return math.atan2(z.imag, z.real)


def polar(z):
    z = _c(z)
    return abs(z), math.atan2(z.imag, z.real)


def rect(r, phi):
    r = float(r)
    phi = float(phi)
    return complex(r * math.cos(phi), r * math.sin(phi))


def sqrt(z):
    z = _c(z)
    if z.real == 0.0 and z.imag == 0.0:
        return complex(0.0, z.imag)
    ax = math.fabs(z.real)
    ay = math.fabs(z.imag)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        ax = math.ldexp(ax, 53)
        s = math.ldexp(math.sqrt(ax + math.hypot(ax, math.ldexp(ay, 53))), -27)
    else:
        ax /= 8.0
        s = 2.0 * math.sqrt(ax + math.hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if z.real >= 0.0:
        return complex(s, math.copysign(d, z.imag))
    return complex(d, math.copysign(s, z.imag))


def exp(z):
    z = _c(z)
    if z.real > 708.0:
        l = math.exp(z.real - 1.0)
        return complex(l * math.cos(z.imag) * math.e, l * math.sin(z.imag) * math.e)
    l = math.exp(z.real)
    return complex(l * math.cos(z.imag), l * math.sin(z.imag))


def _log(z):
    ax = math.fabs(z.real)
    ay = math.fabs(z.imag)
    if ax == 0.0 and ay == 0.0:
        raise ValueError('math domain error')
    if ax > _LARGE or ay > _LARGE:
        re = math.log(math.hypot(ax / 2.0, ay / 2.0)) + math.log(2.0)
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        re = math.log(math.hypot(math.ldexp(ax, 53), math.ldexp(ay, 53))) - 53 * math.log(2.0)
    else:
        h = math.hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            am = ax if ax > ay else ay
            an = ay if ax > ay else ax
            re = math.log1p((am - 1) * (am + 1) + an * an) / 2.0
        else:
            re = math.log(h)
    return complex(re, math.atan2(z.imag, z.real))


def log(z, base=None):
    r = _log(_c(z))
    if base is None:
        return r
    return r / _log(_c(base))


def log10(z):
    r = _log(_c(z))
    ln10 = 2.302585092994046
    return complex(r.real / ln10, r.imag / ln10)


def isfinite(z):
    z = _c(z)
    return math.isfinite(z.real) and math.isfinite(z.imag)


def isinf(z):
    z = _c(z)
    return math.isinf(z.real) or math.isinf(z.imag)


def isnan(z):
    z = _c(z)
    return math.isnan(z.real) or math.isnan(z.imag)


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    a = _c(a)
    b = _c(b)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = abs(a - b)
    return diff <= rel_tol * abs(b) or diff <= rel_tol * abs(a) or diff <= abs_tol
