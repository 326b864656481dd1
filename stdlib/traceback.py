"""Extract, format and print exceptions and their tracebacks (CPython's `traceback`).

The text comes from gyre's own traceback printer (`_traceback`), so `print_exc()` prints
exactly what an uncaught exception would: chains, exception groups, position markers and
notes. Frames (from tracebacks and `sys._getframe`) are snapshots taken when the
traceback or the stack was captured.
"""

import sys
import _traceback

__all__ = ['extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_tb', 'print_exc', 'print_exception', 'print_list',
           'print_tb', 'FrameSummary', 'StackSummary', 'TracebackException', 'walk_tb',
           'extract_stack', 'format_stack', 'print_stack', 'walk_stack']

_RECURSIVE_CUTOFF = 3

_CAUSE_MESSAGE = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")

_CONTEXT_MESSAGE = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


# The chain messages' middle lines: a chain message is one piece, blank lines included.
_CHAIN_LINES = (_CAUSE_MESSAGE[1:-1], _CONTEXT_MESSAGE[1:-1])


def _chunks(text):
    """Splits a report into CPython's pieces: one per frame (its File line with the source
    and marker lines under it), one per chain message, one per other line."""
    out = []
    for line in text.splitlines(True):
        if out and line.startswith('    ') and out[-1].startswith('  File '):
            out[-1] += line
        elif out and line in _CHAIN_LINES and out[-1] == '\n':
            out[-1] += line
        elif out and line == '\n' and out[-1][1:] in _CHAIN_LINES:
            out[-1] += line
        else:
            out.append(line)
    return out


# ----- single exceptions -----

def format_exception_only(exc, /, value=_sentinel):
    """The exception's last lines: `Type: message` (with SyntaxError's source and caret,
    suggestions and notes), as a list of strings ending in newlines."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ['NoneType: None\n']
    return _traceback.format_exception_only(value).splitlines(True)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The whole report for an exception, as printed for an uncaught one, as a list of
    strings (their concatenation is the text)."""
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    if limit is None:
        return _chunks(_traceback.format_exception(value, chain))
    return _chunks(_traceback.format_exception(value, chain, limit))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints `format_exception(...)` to `file` (default: sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The report for the exception being handled, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Prints the report for the exception being handled (`print_exception(*sys.exc_info())`)."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


# ----- tracebacks as lists of frames -----

def walk_tb(tb):
    """Yields (frame, line number) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yields (frame, line number) from frame `f` (default: the caller's) outwards."""
    if f is None:
        f = sys._getframe(1)
    return _walk_frames(f)


def _walk_frames(f):
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def extract_stack(f=None, limit=None):
    """The stack from frame `f` (default: the caller's) outwards, as a StackSummary,
    outermost first."""
    if f is None:
        f = sys._getframe(1)
    stack = StackSummary.extract(_walk_frames(f), limit=limit)
    stack.reverse()
    return stack


def format_stack(f=None, limit=None):
    """`extract_stack` formatted as in a traceback."""
    if f is None:
        f = sys._getframe(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    """Prints the stack from frame `f` (default: the caller's)."""
    if f is None:
        f = sys._getframe(1)
    print_list(extract_stack(f, limit=limit), file=file)


class FrameSummary:
    """One traceback entry: `filename`, `lineno`, `name` and the stripped source `line`.
    Compares equal to, and unpacks like, the 4-tuple (filename, lineno, name, line)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals', '_code', '_lasti')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self._code = None
        self._lasti = -1
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _file_line(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4


def _file_line(filename, lineno):
    # linecache's job: the line of a real file, '' for pseudo-files or unreadable ones.
    if filename.startswith('<') and filename.endswith('>'):
        return ''
    try:
        with open(filename) as f:
            for i, text in enumerate(f, 1):
                if i == lineno:
                    return text
    except Exception:
        pass
    return ''


def _limited(items, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return items
    if limit >= 0:
        return items[:limit]
    return items[limit:]


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """Summaries of (frame, lineno) pairs; as in CPython, these carry no column
        positions, so they format without markers (`extract_tb` keeps them)."""
        return klass._extract(frame_gen, limit, lookup_lines, capture_locals, False)

    @classmethod
    def _extract(klass, frame_gen, limit, lookup_lines, capture_locals, positions):
        result = klass()
        for f, lineno in _limited(list(frame_gen), limit):
            code = f.f_code
            fs = FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=False,
                              locals=f.f_locals if capture_locals else None)
            if positions:
                fs._code = code
                fs._lasti = f.f_lasti
            fs._line = _traceback.source_line(code, lineno) if lookup_lines else None
            result.append(fs)
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._code is not None:
            return _traceback.format_frame(frame_summary._code, frame_summary._lasti)
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line.strip()))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != last:
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(fs))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


def extract_tb(tb, limit=None):
    """The entries of a traceback as a StackSummary, outermost first."""
    return StackSummary._extract(walk_tb(tb), limit, True, False, True)


def format_tb(tb, limit=None):
    """The entries of a traceback formatted as in a report (source lines and markers)."""
    return extract_tb(tb, limit=limit).format()


def format_list(extracted_list):
    """Formats a list of FrameSummary objects or (filename, lineno, name, line) tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


class TracebackException:
    """An exception captured for later formatting (`format`, `format_exception_only`,
    `print`), with its `stack` as a StackSummary."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        self._exc = exc_value
        self._limit = limit
        self.exc_type = exc_type
        self._str = _some_str(exc_value)
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        self.stack = (StackSummary.extract(walk_tb(exc_traceback), limit=limit,
                                           lookup_lines=lookup_lines,
                                           capture_locals=capture_locals)
                      if exc_traceback is not None else StackSummary())
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from format_exception_only(self._exc)

    def format(self, *, chain=True):
        yield from format_exception(self._exc, limit=self._limit, chain=chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'
