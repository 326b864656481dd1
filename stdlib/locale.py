"""Locale services (CPython's `locale`) for the locales gyre supports: "C"/"POSIX" and the
UTF-8 C locale. Scripts start as CPython does (LC_CTYPE from the environment, everything else
"C"); `setlocale` accepts "C", "POSIX", "C.UTF-8" (any spelling) and "" (the environment's
choice, when it is one of those), and raises `locale.Error` for others. `localeconv`,
`format_string`, `str`, `atof`, `atoi`, `delocalize`, `localize`, `strcoll`, `strxfrm`,
`getlocale`, `getencoding`/`getpreferredencoding` and `normalize` (for these names) follow."""

import os

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale",
           "resetlocale", "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi",
           "format_string", "currency", "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME",
           "LC_MONETARY", "LC_NUMERIC", "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding",
           "delocalize", "localize"]

_builtin_str = str

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

# The glibc categories in the order setlocale(LC_ALL) reports them.
_CATEGORY_NAMES = [
    ('LC_CTYPE', LC_CTYPE), ('LC_NUMERIC', LC_NUMERIC), ('LC_TIME', LC_TIME),
    ('LC_COLLATE', LC_COLLATE), ('LC_MONETARY', LC_MONETARY), ('LC_MESSAGES', LC_MESSAGES),
    ('LC_PAPER', None), ('LC_NAME', None), ('LC_ADDRESS', None), ('LC_TELEPHONE', None),
    ('LC_MEASUREMENT', None), ('LC_IDENTIFICATION', None),
]


class Error(Exception):
    pass


Error.__module__ = 'locale'


def _canonical(name):
    """The locale's name as glibc reports it, or None when gyre does not support it."""
    if name in ('C', 'POSIX'):
        return 'C'  # glibc reports POSIX as C
    low = name.lower().replace('-', '')
    if low in ('c.utf8', 'posix.utf8'):
        return 'C.UTF-8'
    return None


def _env_locale(category_name):
    for var in ('LC_ALL', category_name, 'LANG'):
        value = os.environ.get(var)
        if value:
            return value
    return 'C'


def _startup_ctype():
    # CPython coerces the plain C locale to C.UTF-8 for LC_CTYPE (PEP 538).
    name = _canonical(_env_locale('LC_CTYPE'))
    if name is None or name in ('C', 'POSIX'):
        return 'C.UTF-8'
    return name


_current = {cat: 'C' for _, cat in _CATEGORY_NAMES if cat is not None}
_current[LC_CTYPE] = _startup_ctype()
_extra = {name: 'C' for name, cat in _CATEGORY_NAMES if cat is None}


def setlocale(category, locale=None):
    """Sets (or, with locale None, reads) the locale of a category."""
    if category not in _current and category != LC_ALL:
        raise Error('unsupported locale setting')
    if locale is not None and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if locale is None:
        return _query(category)
    if locale == '':
        names = {}
        for name, cat in _CATEGORY_NAMES:
            if cat is None or category in (LC_ALL, cat):
                value = _canonical(_env_locale(name))
                if value is None:
                    raise Error('unsupported locale setting')
                names[name] = value
        for name, cat in _CATEGORY_NAMES:
            if name in names:
                _set(name, cat, names[name])
        return _query(category)
    value = _canonical(locale)
    if value is None:
        raise Error('unsupported locale setting')
    for name, cat in _CATEGORY_NAMES:
        if category == LC_ALL or cat == category:
            _set(name, cat, value)
    return _query(category)


def _set(name, cat, value):
    if cat is None:
        _extra[name] = value
    else:
        _current[cat] = value


def _query(category):
    if category != LC_ALL:
        return _current[category]
    values = [(name, _current[cat] if cat is not None else _extra[name])
              for name, cat in _CATEGORY_NAMES]
    if all(v == values[0][1] for _, v in values):
        return values[0][1]
    return ';'.join('%s=%s' % nv for nv in values)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of two strings -- '
                        'language code, encoding.') from None


def resetlocale(category=LC_ALL):
    setlocale(category, '')


def normalize(localename):
    low = localename.lower()
    if low in ('c', 'posix'):
        return 'C'
    if '.' in low:
        lang, _, enc = low.partition('.')
        enc = enc.replace('-', '').replace('_', '')
        if enc == 'utf8':
            if lang in ('c', 'posix', 'en_us'):
                return 'en_US.UTF-8'
            return _fix_lang(lang) + '.UTF-8'
    return localename


def _fix_lang(lang):
    if '_' in lang:
        a, _, b = lang.partition('_')
        return a + '_' + b.upper()
    return lang


def _parse_localename(localename):
    code = normalize(localename)
    if code == 'C':
        return None, None
    if '.' in code:
        return tuple(code.split('.')[:2])
    raise ValueError('unknown locale: %s' % localename)


def getlocale(category=LC_CTYPE):
    name = _query(category)
    if category == LC_ALL and ';' in name:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(name)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in Python "
                  "3.15. Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    for var in envvars:
        value = os.environ.get(var)
        if value:
            if var == 'LANGUAGE':
                value = value.split(':')[0]
            break
    else:
        value = 'C'
    return _parse_localename(value)


def getencoding():
    return 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def localeconv():
    return {
        'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
        'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
        'negative_sign': '', 'int_frac_digits': CHAR_MAX, 'frac_digits': CHAR_MAX,
        'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
        'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX, 'n_sign_posn': CHAR_MAX,
        'decimal_point': '.', 'thousands_sep': '', 'grouping': [],
    }


def strcoll(a, b):
    if not isinstance(a, _builtin_str) or not isinstance(b, _builtin_str):
        raise TypeError("strcoll() argument must be str")
    return (a > b) - (a < b)


def strxfrm(s):
    if not isinstance(s, _builtin_str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(s).__name__)
    return s


# In the C locale there is no thousands separator and the decimal point is '.', so grouping
# and monetary flags change nothing: formatting is plain %-formatting.
def format_string(f, val, grouping=False, monetary=False):
    return f % val


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return '%.12g' % val


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
