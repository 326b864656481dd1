"""Dates and times (a practical subset of CPython's datetime): timedelta, date, time,
datetime, timezone. Local time is UTC in gyre (see COMPATIBILITY.md)."""

import time as _time
from collections import namedtuple as _namedtuple


class _IsoCalendarDate(_namedtuple('IsoCalendarDate', 'year week weekday')):
    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % tuple(self)

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
               'Nov', 'Dec']
_DAYNAMES = [None, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_date_fields(year, month, day):
    for name, v in (('year', year), ('month', month), ('day', day)):
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError('day is out of range for month')


def _check_time_fields(hour, minute, second, microsecond):
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


class timedelta:
    """A duration: days, seconds and microseconds, normalised as CPython does."""

    __slots__ = ('_days', '_seconds', '_microseconds')

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        total_us = 0
        parts = [(days, 86400 * 10 ** 6), (seconds, 10 ** 6), (microseconds, 1),
                 (milliseconds, 1000), (minutes, 60 * 10 ** 6), (hours, 3600 * 10 ** 6),
                 (weeks, 7 * 86400 * 10 ** 6)]
        frac = 0.0
        for value, unit in parts:
            if isinstance(value, float):
                whole = int(value)
                total_us += whole * unit
                frac += (value - whole) * unit
            else:
                total_us += value * unit
        total_us += round(frac)
        d, rem = divmod(total_us, 86400 * 10 ** 6)
        s, us = divmod(rem, 10 ** 6)
        if abs(d) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
        self._days = d
        self._seconds = s
        self._microseconds = us

    @classmethod
    def _from_us(cls, us):
        return cls(microseconds=us)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 10 ** 6 + self._microseconds

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return 'datetime.timedelta(%s)' % ', '.join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = ('%d day%s, ' % (self._days, plural)) + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            return timedelta._from_us(round(self._to_us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            return timedelta._from_us(round(self._to_us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return NotImplemented

    def __hash__(self):
        return hash(self._to_us())

    def __bool__(self):
        return self._to_us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _strftime(fmt, timetuple, microsecond=0):
    if '%f' in fmt:
        fmt = fmt.replace('%f', '%06d' % microsecond)
    return _time.strftime(fmt, timetuple)


class date:
    """A calendar date (year, month, day)."""

    __slots__ = ('_year', '_month', '_day')

    def __init__(self, year, month=None, day=None):
        _check_date_fields(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        t = _time.gmtime(_time.time())
        return cls(t.tm_year, t.tm_mon, t.tm_mday)

    @classmethod
    def fromtimestamp(cls, t):
        tm = _time.gmtime(t)
        return cls(tm.tm_year, tm.tm_mon, tm.tm_mday)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(s) == 10 and s[4] == '-' and s[7] == '-':
                return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
            if len(s) == 8 and s.isdigit():
                return cls(int(s[0:4]), int(s[4:6]), int(s[6:8]))
        except ValueError:
            pass
        raise ValueError(f'Invalid isoformat string: {s!r}')

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1)

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and \
                not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


def _isoweek1monday(year):
    THURSDAY = 3
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > THURSDAY:
        week1monday += 7
    return week1monday


_MAXORDINAL = 3652059
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """Abstract base class for time zone information."""

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('offset must be a timedelta')
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        return self._name_from_offset(self._offset)

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta < timedelta(0):
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        secs = delta.days * 86400 + delta.seconds
        hours, rest = divmod(secs, 3600)
        minutes = rest // 60
        return f'UTC{sign}{hours:02d}:{minutes:02d}'

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


def _offset_str(off, sep=':'):
    if off is None:
        return ''
    sign = '+'
    if off < timedelta(0):
        sign = '-'
        off = -off
    secs = off.days * 86400 + off.seconds
    hh, rest = divmod(secs, 3600)
    mm, ss = divmod(rest, 60)
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss:
        s += '%s%02d' % (sep, ss)
    return s


class time:
    """A time of day (hour, minute, second, microsecond, tzinfo)."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo')

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time_fields(hour, minute, second, microsecond)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        if self._tzinfo is not None:
            s += _offset_str(self._tzinfo.utcoffset(None))
        return s

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            s = '%d, %d, %d, %d' % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = '%d, %d, %d' % (self._hour, self._minute, self._second)
        else:
            s = '%d, %d' % (self._hour, self._minute)
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % self._tzinfo
        return 'datetime.time(%s)' % s

    def strftime(self, fmt):
        return _strftime(fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1),
                         self._microsecond)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        return isinstance(other, time) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour,
                    self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)


class datetime(date):
    """A date with a time of day."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo')

    def __init__(self, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None):
        _check_date_fields(year, month, day)
        _check_time_fields(hour, minute, second, microsecond)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        frac, whole = t % 1.0 if isinstance(t, float) else 0, int(t // 1)
        us = round(frac * 1e6) if isinstance(t, float) else 0
        if us >= 1000000:
            whole += 1
            us -= 1000000
        tm = _time.gmtime(whole)
        result = cls(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, us)
        if tz is not None:
            result = (result + tz.utcoffset(None)).replace(tzinfo=tz)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            d = date.fromisoformat(s[:10])
            rest = s[11:]
            hh = mm = ss = us = 0
            tz = None
            if len(s) > 10:
                if s[10] not in 'T ':
                    raise ValueError
                for mark in ('+', '-', 'Z'):
                    i = rest.find(mark)
                    if i > 0:
                        tzpart = rest[i:]
                        rest = rest[:i]
                        if tzpart == 'Z':
                            tz = timezone.utc
                        else:
                            sign = -1 if tzpart[0] == '-' else 1
                            th, tm = int(tzpart[1:3]), int(tzpart[4:6] or 0)
                            tz = timezone(sign * timedelta(hours=th, minutes=tm))
                        break
                parts = rest.split(':')
                hh = int(parts[0])
                if len(parts) > 1:
                    mm = int(parts[1])
                if len(parts) > 2:
                    sec = parts[2]
                    if '.' in sec:
                        sec, frac = sec.split('.')
                        us = int((frac + '000000')[:6])
                    ss = int(sec)
            return cls(d.year, d.month, d.day, hh, mm, ss, us, tz)
        except (ValueError, IndexError):
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def timestamp(self):
        days = self.toordinal() - _ymd2ord(1970, 1, 1)
        secs = days * 86400 + self._hour * 3600 + self._minute * 60 + self._second
        off = self.utcoffset()
        if off is not None:
            secs -= off.days * 86400 + off.seconds
        return secs + self._microsecond / 1e6

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self.weekday(), yday, -1)

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _offset_str(off)
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = 'datetime.datetime(%s)' % ', '.join(map(str, L))
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        return s

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month],
                                                  self._day, self._hour, self._minute,
                                                  self._second, self._year)

    def strftime(self, fmt):
        if '%z' in fmt or '%Z' in fmt:
            off = self.utcoffset()
            fmt = fmt.replace('%z', _offset_str(off, '') if off is not None else '')
            fmt = fmt.replace('%Z', self.tzname() or '')
        return _strftime(fmt, self.timetuple(), self._microsecond)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        base = self
        off = self.utcoffset()
        if off is not None:
            base = self - off
        return (base.replace(tzinfo=None) + tz.utcoffset(None)).replace(tzinfo=tz)

    def _us(self):
        us = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
              * 10 ** 6 + self._microsecond)
        off = self.utcoffset()
        if off is not None:
            us -= off._to_us()
        return us

    def _check_cmp(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                return False
            return self._us() == other._us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            self._check_cmp(other)
            return self._us() < other._us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            self._check_cmp(other)
            return self._us() <= other._us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            self._check_cmp(other)
            return self._us() > other._us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            self._check_cmp(other)
            return self._us() >= other._us()
        return NotImplemented

    def __hash__(self):
        return hash(self._us())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
              * 10 ** 6 + self._microsecond + other._to_us())
        days, us = divmod(us, 86400 * 10 ** 6)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        secs, us = divmod(us, 10 ** 6)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, secs // 3600, secs % 3600 // 60, secs % 60, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_MONTHS_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December']


def _strptime(cls, s, fmt):
    import re
    fields = {'Y': r'(?P<Y>\d{4})', 'm': r'(?P<m>\d{1,2})', 'd': r'(?P<d>\d{1,2})',
              'H': r'(?P<H>\d{1,2})', 'M': r'(?P<M>\d{1,2})', 'S': r'(?P<S>\d{1,2})',
              'f': r'(?P<f>\d{1,6})', 'y': r'(?P<y>\d{2})', 'b': r'(?P<b>[A-Za-z]{3})',
              'B': r'(?P<B>[A-Za-z]+)', 'j': r'(?P<j>\d{1,3})', 'p': r'(?P<p>AM|PM|am|pm)',
              'I': r'(?P<I>\d{1,2})', 'a': r'[A-Za-z]{3}', 'A': r'[A-Za-z]+', '%': '%'}
    pattern = ''
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%' and i + 1 < len(fmt):
            pattern += fields.get(fmt[i + 1], re.escape(fmt[i:i + 2]))
            i += 2
        else:
            pattern += r'\s+' if c.isspace() else re.escape(c)
            i += 1
    m = re.fullmatch(pattern, s)
    if m is None:
        raise ValueError(f"time data {s!r} does not match format {fmt!r}")
    g = m.groupdict()
    year = int(g['Y']) if g.get('Y') else (2000 + int(g['y']) if int(g['y']) < 69 else 1900 + int(g['y'])) if g.get('y') else 1900
    month = int(g['m']) if g.get('m') else 1
    if g.get('b'):
        month = [n[:3].lower() for n in _MONTHS_FULL].index(g['b'].lower()) + 1
    if g.get('B'):
        month = [n.lower() for n in _MONTHS_FULL].index(g['B'].lower()) + 1
    day = int(g['d']) if g.get('d') else 1
    hour = int(g['H']) if g.get('H') else 0
    if g.get('I'):
        hour = int(g['I']) % 12
        if g.get('p') and g['p'].lower() == 'pm':
            hour += 12
    minute = int(g['M']) if g.get('M') else 0
    second = int(g['S']) if g.get('S') else 0
    us = int((g['f'] + '000000')[:6]) if g.get('f') else 0
    return cls(year, month, day, hour, minute, second, us)


# CPython's datetime types are C types: error messages name them datetime.<name>.
import _typename
for _cls in (date, time, datetime, timedelta, timezone, tzinfo,):
    _typename.set(_cls, 'datetime.' + _cls.__name__)
del _cls, _typename
