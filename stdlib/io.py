"""In-memory streams (StringIO, BytesIO); `io.open` is the builtin `open()`."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _Stream:
    """Shared behaviour of the in-memory streams over a buffer of `_empty` type."""

    _empty = ''
    _closed_msg = 'I/O operation on closed file.'

    def __init__(self, initial=None):
        self._buf = self._empty if initial is None else initial
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError(self._closed_msg)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            out = self._buf[self._pos:]
        else:
            out = self._buf[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self, size=-1):
        self._check()
        nl = '\n' if isinstance(self._buf, str) else b'\n'
        end = self._buf.find(nl, self._pos)
        end = len(self._buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = self._buf[self._pos:end]
        self._pos = end
        return out

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def write(self, s):
        self._check()
        if not isinstance(s, type(self._empty)) and not (isinstance(self._empty, bytes)
                                                        and isinstance(s, (bytes, bytearray))):
            if isinstance(self._empty, str):
                raise TypeError(f'string argument expected, got \'{type(s).__name__}\'')
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
        if isinstance(s, bytearray):
            s = bytes(s)
        buf = self._buf
        pos = self._pos
        if pos > len(buf):
            buf = buf + self._pad(pos - len(buf))
        self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return len(s)

    def _pad(self, n):
        return ('\0' if isinstance(self._empty, str) else b'\0') * n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._buf

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def close(self):
        self.closed = True

    def flush(self):
        pass

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_Stream):
    """Text I/O in memory."""

    __module__ = '_io'

    _empty = ''
    _closed_msg = 'I/O operation on closed file'

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        return super().seek(pos, whence)

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        super().__init__(initial_value or '')


class BytesIO(_Stream):
    """Binary I/O in memory."""

    __module__ = '_io'

    _empty = b''

    def __init__(self, initial_bytes=b''):
        super().__init__(bytes(initial_bytes))

    def getbuffer(self):
        return bytearray(self._buf)

    def read1(self, size=-1):
        return self.read(size)


# The builtin open() (native) is io.open, as in CPython.
open = open


IOBase = _Stream
TextIOBase = StringIO


# CPython's io types are C types: error messages name them _io.<name>.
import _typename
for _cls in (StringIO, BytesIO,):
    _typename.set(_cls, '_io.' + _cls.__name__)
del _cls, _typename
