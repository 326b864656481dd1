"""Descriptive statistics (CPython's `statistics`): averages (mean, fmean, geometric_mean,
harmonic_mean), middles (median and its variants), modes, spread (variance, stdev and their
population forms), quantiles, covariance, correlation and linear regression.

As CPython does, sums are computed exactly (each value as a ratio of integers, added as
fractions) and converted to the data's type once at the end, so results round the same way;
square roots are correctly rounded from the exact fraction."""

import math
import numbers
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from fractions import Fraction

__all__ = [
    "StatisticsError", "correlation", "covariance", "fmean", "geometric_mean",
    "harmonic_mean", "linear_regression", "mean", "median", "median_grouped", "median_high",
    "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance",
]


class StatisticsError(ValueError):
    pass


# ----- exact arithmetic -----

def _as_ratio(x):
    """x as (numerator, denominator); an infinity or NaN as (x, None)."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator") from None


def _result_type(t, s):
    """The type a mix of t and s values converts to (int < Fraction < float, subclasses win)."""
    if t is s or s is int or s is bool:
        return t
    if t is int:
        return s
    if issubclass(s, t):
        return s
    if issubclass(t, s) or issubclass(s, int):
        return t
    if issubclass(t, int):
        return s
    if issubclass(t, Fraction) and issubclass(s, float):
        return s
    if issubclass(t, float) and issubclass(s, Fraction):
        return t
    raise TypeError(f"don't know how to coerce {t.__name__} and {s.__name__}")


class _Totals:
    """Exact running sums of values (and optionally of their squares) grouped by denominator;
    a non-finite float short-circuits to itself."""

    def __init__(self, squares=False):
        self.count = 0
        self.type = int
        self.sums = {}
        self.square_sums = {} if squares else None
        self.special = None

    def add_all(self, data):
        last = None
        for x in data:
            t = type(x)
            if t is not last:
                self.type = _result_type(self.type, t)
                last = t
            n, d = _as_ratio(x)
            self.count += 1
            if d is None:
                # CPython keeps the last non-finite value's partial sum: inf + -inf is nan.
                self.special = n if self.special is None else self.special + n
                continue
            self.sums[d] = self.sums.get(d, 0) + n
            if self.square_sums is not None:
                self.square_sums[d] = self.square_sums.get(d, 0) + n * n
        return self

    def total(self):
        if self.special is not None:
            return self.special
        return sum((Fraction(n, d) for d, n in self.sums.items()), Fraction(0))


def _sum(data):
    """(result type, exact total, count) of data."""
    totals = _Totals().add_all(data)
    return totals.type, totals.total(), totals.count


def _squared_deviations(data, center=None):
    """(result type, exact sum of squared deviations, center, count)."""
    if center is not None:
        totals = _Totals().add_all((x - center) * (x - center) for x in data)
        return totals.type, totals.total(), center, totals.count
    totals = _Totals(squares=True).add_all(data)
    n = totals.count
    if not n:
        return totals.type, Fraction(0), Fraction(0), 0
    if totals.special is not None:
        return totals.type, totals.special, totals.special, n
    sx = sum((Fraction(s, d) for d, s in totals.sums.items()), Fraction(0))
    sxx = sum((Fraction(s, d * d) for d, s in totals.square_sums.items()), Fraction(0))
    return totals.type, (n * sxx - sx * sx) / n, sx / n, n


def _convert(value, t):
    """The exact value as type t (a float when t is integral but the value is not)."""
    if type(value) is t:
        return value
    if issubclass(t, int) and value.denominator != 1:
        t = float
    try:
        return t(value)
    except TypeError:
        # Decimal takes no Fraction: divide its parts in the Decimal context.
        if isinstance(value, Fraction) and hasattr(t, "quantize"):
            return t(value.numerator) / t(value.denominator)
        raise


# Bits of precision kept before the final rounding to a float: enough that rounding the
# truncated (round-to-odd) root once more is exact.
_SQRT_BITS = 2 * 53 + 3


def _isqrt_round_odd(n, m):
    """floor(sqrt(n / m)), with its last bit set when inexact (round-to-odd)."""
    root = math.isqrt(n // m)
    return root | (root * root * m != n)


def _sqrt_fraction(n, m):
    """sqrt(n / m) as a correctly rounded float."""
    shift = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if shift >= 0:
        return float(_isqrt_round_odd(n, m << 2 * shift) << shift)
    return _isqrt_round_odd(n << -2 * shift, m) / (1 << -shift)


def _reject_negative(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


# ----- averages -----

def mean(data):
    """The arithmetic mean, computed exactly and returned in the data's type."""
    t, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, t)


def fmean(data, weights=None):
    """The arithmetic mean as a float (faster than mean); optionally weighted."""
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            n = 0
            data = list(data)
            n = len(data)
        total = math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    if not isinstance(data, (list, tuple)):
        data = list(data)
    num = math.fsum(x * w for x, w in zip(data, weights))
    if len(data) != len(weights):
        raise StatisticsError("data and weights must be the same length")
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    """The geometric mean as a float: exp of the mean of the logarithms."""
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError(
            "geometric mean requires a non-empty dataset containing positive numbers"
        ) from None


def harmonic_mean(data, weights=None):
    """The harmonic mean: the reciprocal of the mean of reciprocals; optionally weighted."""
    negative = "harmonic mean does not support negative values"
    if iter(data) is data:
        data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, numbers.Real):
            if x < 0:
                raise StatisticsError(negative)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
        weight_total = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        _, weight_total, _ = _sum(_reject_negative(weights, negative))
    try:
        values = _reject_negative(data, negative)
        t, total, _ = _sum(w / x if w else 0 for w, x in zip(weights, values))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(weight_total / total, t)


# ----- middles and modes -----

def median(data):
    """The middle value, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def median_low(data):
    """The middle value, or the smaller of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    """The middle value, or the larger of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    """The median of grouped continuous data: the 50th percentile by interpolation within
    the class interval holding the middle value."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    first = bisect_left(data, x)
    count = bisect_right(data, x, lo=first) - first
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float") from None
    return x - interval / 2 + interval * (n / 2 - first) / count


def mode(data):
    """The most common value (the first one met among equally common values)."""
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError("no mode for empty data")
    return pairs[0][0]


def multimode(data):
    """Every most common value, in the order first met."""
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method="exclusive"):
    """n - 1 cut points dividing data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    size = len(data)
    if size < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = size - 1
        cuts = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            cuts.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return cuts
    if method == "exclusive":
        m = size + 1
        cuts = []
        for i in range(1, n):
            j = min(max(i * m // n, 1), size - 1)
            delta = i * m - j * n
            cuts.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return cuts
    raise ValueError(f"Unknown method: {method!r}")


# ----- spread -----

def variance(data, xbar=None):
    """The sample variance (n - 1 degrees of freedom); xbar is the mean if known."""
    t, ss, _, n = _squared_deviations(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), t)


def pvariance(data, mu=None):
    """The population variance; mu is the mean if known."""
    t, ss, _, n = _squared_deviations(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, t)


def _decimal_sqrt_fraction(t, n, m):
    """sqrt(n / m) as the Decimal type t, correctly rounded in the current context: the
    root of the rounded quotient, moved one step when the exact midpoint test says so."""
    if n <= 0:
        if not n:
            return t("0.0")
        n, m = -n, -m
    root = (t(n) / t(m)).sqrt()
    nr, dr = root.as_integer_ratio()
    up = root.next_plus()
    nu, du = up.as_integer_ratio()
    if 4 * n * (dr * du) ** 2 > m * (dr * nu + du * nr) ** 2:
        return up
    down = root.next_minus()
    nd, dd = down.as_integer_ratio()
    if 4 * n * (dr * dd) ** 2 < m * (dr * nd + dd * nr) ** 2:
        return down
    return root


def _sqrt_of(t, mss):
    if hasattr(t, "quantize"):
        return _decimal_sqrt_fraction(t, mss.numerator, mss.denominator)
    return _sqrt_fraction(mss.numerator, mss.denominator)


def stdev(data, xbar=None):
    """The sample standard deviation, correctly rounded (a float, or a Decimal for Decimal
    data)."""
    t, ss, _, n = _squared_deviations(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt_of(t, ss / (n - 1))


def pstdev(data, mu=None):
    """The population standard deviation, correctly rounded (a float, or a Decimal for
    Decimal data)."""
    t, ss, _, n = _squared_deviations(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt_of(t, ss / n)


# ----- two variables -----

def _paired(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError(f"{what} requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError(f"{what} requires at least two data points")
    return n


def covariance(x, y, /):
    """The sample covariance of two equally long inputs."""
    n = _paired(x, y, "covariance")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    return math.fsum((a - xbar) * (b - ybar) for a, b in zip(x, y)) / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of two equally long inputs."""
    n = _paired(x, y, "correlation")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((a - xbar) * (b - ybar) for a, b in zip(x, y))
    sxx = math.fsum((a - xbar) * (a - xbar) for a in x)
    syy = math.fsum((b - ybar) * (b - ybar) for b in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant") from None


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the least-squares line through (x, y) (through the origin when
    proportional)."""
    n = _paired(x, y, "linear regression")
    if proportional:
        sxy = math.fsum(a * b for a, b in zip(x, y))
        sxx = math.fsum(a * a for a in x)
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        sxy = math.fsum((a - xbar) * (b - ybar) for a, b in zip(x, y))
        sxx = math.fsum((a - xbar) * (a - xbar) for a in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant") from None
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)
