"""Object-oriented filesystem paths (CPython's `pathlib`, POSIX flavour): PurePath,
PurePosixPath, Path, PosixPath with parsing, joining, the name/suffix/parent family,
relative_to, match, and the filesystem methods gyre's os layer supports (exists, is_dir,
is_file, mkdir, rmdir, unlink, touch, read/write text and bytes, open, iterdir, glob, rglob,
rename, replace, cwd, home, resolve, absolute, expanduser).

Differences: there are no Windows paths (PureWindowsPath, WindowsPath), and no stat(),
chmod, owner/group or symbolic-link methods (is_symlink is always False); resolve() does not
follow links."""

import fnmatch
import io
import os
import posixpath

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(args):
    """(root, parts) of the joined arguments; parts exclude the root."""
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            a = str(a)
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError("argument should be a str or an os.PathLike object where "
                                "__fspath__ returns a str, not %r" % type(a).__name__)
        if not a:
            continue
        if a.startswith('/'):
            root = '//' if a.startswith('//') and not a.startswith('///') else '/'
            parts = []
        parts.extend(x for x in a.split('/') if x and x != '.')
    return root, parts


class _Parents:
    """The ancestors of a path, nearest first (`path.parents`)."""

    def __init__(self, path):
        self._path = path
        self._root = path._root
        self._parts = path._tail

    def __len__(self):
        return len(self._parts)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parts(self._root, self._parts[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path without filesystem access."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._tail = _parse(args)
        return self

    def __init__(self, *args):
        pass

    @classmethod
    def _from_parts(cls, root, tail):
        self = object.__new__(cls)
        self._root = root
        self._tail = list(tail)
        return self

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    def __str__(self):
        return (self._root + '/'.join(self._tail)) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, 'fsencode') else str(self).encode()

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return 'file://' + quote_from_bytes(str(self).encode('utf-8'))

    def _key(self):
        return (self._root, tuple(self._tail))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def _cmp_parts(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts, other.parts

    def __lt__(self, other):
        p = self._cmp_parts(other)
        return p if p is NotImplemented else p[0] < p[1]

    def __le__(self, other):
        p = self._cmp_parts(other)
        return p if p is NotImplemented else p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp_parts(other)
        return p if p is NotImplemented else p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp_parts(other)
        return p if p is NotImplemented else p[0] >= p[1]

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def name(self):
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._from_parts(self._root, self._tail[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parts(self._root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from_parts(self._root, self._tail[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        root, tail = _parse(other)
        n = len(tail)
        if root != self._root or self._tail[:n] != tail:
            formatted = (root + '/'.join(tail)) or '.'
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative "
                             "and the other is absolute.".format(str(self), formatted))
        return self._from_parts('', self._tail[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        root, tail = _parse((self,) + args)
        return self._from_parts(root, tail)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            root, tail = _parse((key, self))
            return self._from_parts(root, tail)
        except TypeError:
            return NotImplemented

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        root, pat_parts = _parse((path_pattern,))
        if not pat_parts and not root:
            raise ValueError("empty pattern")
        parts = self.parts
        if root:
            pat_parts = [root] + pat_parts
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path with POSIX semantics."""


class Path(PurePath):
    """A path on the filesystem."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._tail = _parse(args)
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parts(*_parse((os.getcwd(), self)))

    def resolve(self, strict=False):
        p = posixpath.normpath(str(self.absolute()))
        if strict and not os.path.exists(p):
            raise FileNotFoundError(2, 'No such file or directory', p)
        return type(self)(p)

    def expanduser(self):
        if self._tail and self._tail[0].startswith('~') and not self._root:
            home = os.path.expanduser(self._tail[0])
            if home.startswith('~'):
                raise RuntimeError("Could not determine home directory.")
            return type(self)(home, *self._tail[1:])
        return self

    def exists(self):
        return os.path.exists(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_symlink(self):
        return False

    def is_mount(self):
        return str(self) == '/'

    def is_socket(self):
        return False

    def is_fifo(self):
        return False

    def is_block_device(self):
        return False

    def is_char_device(self):
        return False

    def samefile(self, other_path):
        return os.path.abspath(str(self)) == os.path.abspath(os.fspath(other_path))

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._from_parts(self._root, self._tail + [name])

    def _child(self, name):
        return self._from_parts(self._root, self._tail + [name])

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._select(parts)

    def rglob(self, pattern):
        root, parts = _parse((pattern,))
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._select(['**'] + parts)

    def _select(self, parts):
        if not parts:
            yield self
            return
        part, rest = parts[0], parts[1:]
        if part == '**':
            seen = set()
            for d in self._walk_dirs():
                for p in d._select(rest):
                    key = str(p)
                    if key not in seen:
                        seen.add(key)
                        yield p
            return
        if any(c in part for c in '*?['):
            try:
                names = os.listdir(str(self))
            except OSError:
                return
            for name in names:
                if fnmatch.fnmatchcase(name, part):
                    child = self._child(name)
                    if rest and not child.is_dir():
                        continue
                    yield from child._select(rest)
            return
        child = self._child(part)
        if rest:
            if child.is_dir():
                yield from child._select(rest)
        elif child.exists():
            yield child

    def _walk_dirs(self):
        yield self
        try:
            names = os.listdir(str(self))
        except OSError:
            return
        for name in names:
            child = self._child(name)
            if child.is_dir():
                yield from child._walk_dirs()

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding) if hasattr(io, 'text_encoding') else encoding
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            return
        with self.open('a'):
            pass

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target))
        return type(self)(target)


class PosixPath(Path, PurePosixPath):
    """A filesystem path on a POSIX system."""
