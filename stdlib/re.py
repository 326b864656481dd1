"""Regular expressions with CPython's `re` API on the native `_re` engine (fancy-regex).

COMPATIBILITY.md lists the syntax the engine does not accept and where error messages
differ from CPython's.
"""

import _re

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M',
           'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE',
           'UNICODE', 'NOFLAG', 'RegexFlag']

import enum as _enum


class RegexFlag(_enum.IntFlag):
    """The re flags: an IntFlag whose repr and str read `re.NAME|re.OTHER`."""
    NOFLAG = 0
    ASCII = 256
    IGNORECASE = 2
    LOCALE = 4
    UNICODE = 32
    MULTILINE = 8
    DOTALL = 16
    VERBOSE = 64
    TEMPLATE = 1
    DEBUG = 128

    def __repr__(self):
        if self._name_ is None:
            return hex(self._value_)
        return '|'.join('re.' + part for part in self._name_.split('|'))

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
TEMPLATE = T = RegexFlag.TEMPLATE
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
UNICODE = U = RegexFlag.UNICODE
VERBOSE = X = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG
ASCII = A = RegexFlag.ASCII

_FLAG_NAMES = [(1, 'TEMPLATE'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'),
               (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'), (256, 'ASCII')]


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


def _repeat_end(pattern, i):
    """The index after the `{m,n}` repeat at `i`, or 0 when that brace is a literal."""
    j = i + 1
    while j < len(pattern) and (pattern[j].isdigit() or pattern[j] == ','):
        j += 1
    return j + 1 if j > i + 1 and pattern.startswith('}', j) else 0


def _diagnose(pattern):
    """CPython's message and position for the commonest syntax errors in `pattern` (the
    engine's own messages differ), or None."""
    opened = []
    i, n = 0, len(pattern)
    repeatable = False
    repeated = False
    while i < n:
        c = pattern[i]
        repeated = repeated and c in '*+?{'
        if c == '\\':
            i += 2
            repeatable = True
            continue
        if c == '[':
            start = i
            i += 1
            if i < n and pattern[i] == '^':
                i += 1
            if i < n and pattern[i] == ']':
                i += 1
            while i < n and pattern[i] != ']':
                i += 2 if pattern[i] == '\\' else 1
            if i >= n:
                return 'unterminated character set', start
            repeatable = True
        elif c == '(':
            opened.append(i)
            repeatable = False
            if pattern.startswith('?', i + 1):
                i += 1
        elif c == ')':
            if not opened:
                return 'unbalanced parenthesis', i
            opened.pop()
            repeatable = True
        elif c in '*+?' or c == '{' and _repeat_end(pattern, i):
            if not repeatable:
                return ('multiple repeat' if repeated else 'nothing to repeat'), i
            repeatable = False
            repeated = True
            if c == '{':
                i = _repeat_end(pattern, i) - 1
            if pattern.startswith('?', i + 1) or pattern.startswith('+', i + 1):
                i += 1
            i += 1
            continue
        elif c == '|':
            repeatable = False
        else:
            repeatable = c != '^'
        i += 1
    if opened:
        return 'missing ), unterminated subpattern', opened[-1]
    return None


PatternError = error


_INLINE_FLAGS = {'a': 256, 'i': 2, 'L': 4, 'm': 8, 's': 16, 'u': 32, 'x': 64}


def _inline_flags(pattern):
    """The global flags of the `(?imsx)` groups that start `pattern`."""
    flags = 0
    i = 0
    while pattern.startswith('(?', i):
        j = i + 2
        while j < len(pattern) and pattern[j] in _INLINE_FLAGS:
            j += 1
        if j == i + 2 or not pattern.startswith(')', j):
            break
        for c in pattern[i + 2:j]:
            flags |= _INLINE_FLAGS[c]
        i = j + 1
    return flags


def _flags_repr(flags):
    names = [name for bit, name in _FLAG_NAMES if flags & bit and name != 'UNICODE']
    rest = flags & ~511
    if rest:
        names.append(hex(rest))
    return '|'.join('re.' + n if not n.startswith('0x') else n for n in names)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, (bytes, bytearray)):
            raise TypeError('gyre: bytes patterns are not supported')
        self.pattern = pattern
        flags = int(flags) | _inline_flags(pattern)
        self.flags = flags | 32 if not flags & 256 else flags
        try:
            self._c = _re.compile(pattern, flags)
        except ValueError as e:
            known = _diagnose(pattern)
            if known is not None:
                raise error(known[0], pattern, known[1]) from None
            raise error(str(e), pattern) from None
        self.groups = self._c.groups()
        self.groupindex = self._c.groupindex()

    def __repr__(self):
        flags = self.flags & ~32
        if flags:
            return 're.compile(%r, %s)' % (self.pattern, _flags_repr(flags))
        return 're.compile(%r)' % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and \
            self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        spans = self._c.search(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, len(string) if endpos is None else endpos)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        end = len(string) if endpos is None else endpos
        for spans in self._c.all_spans(string, pos, endpos):
            yield Match(self, string, spans, pos, end)

    def findall(self, string, pos=0, endpos=None):
        return self._c.findall(string, pos, endpos)

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        ngroups = self.groups
        for spans in self._c.all_spans(string, 0, None, maxsplit):
            out.append(string[last:spans[0]])
            for g in range(1, ngroups + 1):
                a = spans[2 * g]
                out.append(None if a < 0 else string[a:spans[2 * g + 1]])
            last = spans[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        out = []
        last = 0
        n = 0
        if callable(repl):
            for spans in self._c.all_spans(string, 0, None, count):
                out.append(string[last:spans[0]])
                out.append(repl(Match(self, string, spans, 0, len(string))))
                last = spans[1]
                n += 1
        else:
            template = _compile_template(self, repl)
            literal = template[0] if len(template) == 1 else None
            for spans in self._c.all_spans(string, 0, None, count):
                out.append(string[last:spans[0]])
                if literal is not None:
                    out.append(literal)
                else:
                    for part in template:
                        if isinstance(part, int):
                            a = spans[2 * part]
                            if a >= 0:
                                out.append(string[a:spans[2 * part + 1]])
                        else:
                            out.append(part)
                last = spans[1]
                n += 1
        out.append(string[last:])
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('gyre: Pattern.scanner is not supported')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, group):
        if isinstance(group, int) and 0 <= group <= self.re.groups:
            return group
        if isinstance(group, str) and group in self.re.groupindex:
            return self.re.groupindex[group]
        raise IndexError('no such group')

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] >= 0 and e >= best_end:
                if best is None or e > best_end or True:
                    best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b',
            '\\': '\\'}


def _compile_template(pattern, repl):
    """Splits a replacement string into literal text and group references."""
    parts = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, i - 1)
        c = repl[i]
        if c == 'g':
            if i + 1 >= n or repl[i + 1] != '<':
                raise error('missing <', repl, i + 1)
            close = repl.find('>', i + 2)
            if close < 0:
                raise error('missing >, unterminated name', repl, i + 2)
            name = repl[i + 2:close]
            if not name:
                raise error('missing group name', repl, i + 2)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error('invalid group reference %d' % index, repl, i + 2)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 2)
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
            i = close + 1
        elif c.isdigit():
            j = i
            while j < n and j < i + 2 and repl[j].isdigit():
                j += 1
            index = int(repl[i:j])
            if index > pattern.groups:
                raise error('invalid group reference %d' % index, repl, i)
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
            i = j
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            i += 1
        elif c.isalpha():
            raise error('bad escape \\%s' % c, repl, i - 1)
        else:
            literal.append('\\' + c)
            i += 1
    parts.append(''.join(literal))
    return parts


def _expand_template(parts, m):
    out = []
    for p in parts:
        if isinstance(p, int):
            g = m.group(p)
            if g is not None:
                out.append(g)
        else:
            out.append(p)
    return ''.join(out)


_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if not isinstance(pattern, str):
            raise TypeError('first argument must be string or compiled pattern')
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


_special_chars = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _special_chars else c for c in pattern)
    return bytes(b for c in pattern for b in ((92, c) if chr(c) in _special_chars else (c,)))


# CPython's re types are C types: error messages name them re.<name>.
import _typename
for _cls in (Pattern, Match,):
    _typename.set(_cls, 're.' + _cls.__name__)
del _cls, _typename
