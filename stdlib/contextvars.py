"""Context variables (CPython's `contextvars`): `ContextVar`, `Token`, `Context`,
`copy_context`. Every asyncio task runs in a copy of the context it was created in.

A Context's variables live in a dict that is never changed in place: setting a variable
replaces the dict, so copying a context (done for each new task) shares it in O(1).
"""

import _contextvars

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


_MISSING = _Missing()
_NO_DEFAULT = object()


class Context:
    """A mapping of ContextVars to values; `run` executes code inside it."""

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        self._entered = True
        prev = _contextvars.current()
        _contextvars.set_current(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _contextvars.set_current(prev)
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def _check(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f'a ContextVar key was expected, got {var!r}')

    def __getitem__(self, var):
        self._check(var)
        return self._data[var]

    def get(self, var, default=None):
        self._check(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        self._check(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None

    def __repr__(self):
        return f'<_contextvars.Context object at {hex(id(self))}>'


def copy_context():
    """A copy of the current context."""
    new = Context()
    ctx = _contextvars.current()
    if ctx is not None:
        new._data = ctx._data
    return new


def _current_context():
    ctx = _contextvars.current()
    if ctx is None:
        ctx = Context()
        _contextvars.set_current(ctx)
    return ctx


class ContextVar:
    """A variable whose value depends on the current context."""

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        ctx = _contextvars.current()
        if ctx is not None:
            data = ctx._data
            if self in data:
                return data[self]
        if default is not _NO_DEFAULT:
            return default
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current_context()
        data = ctx._data
        old = data.get(self, _MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        ctx = _contextvars.current()
        if token._ctx is not ctx:
            raise ValueError(f'{token!r} was created in a different Context')
        new = dict(ctx._data)
        if token._old is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        default = ''
        if self._default is not _NO_DEFAULT:
            default = f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{default} at {hex(id(self))}>'


class Token:
    """What `ContextVar.set` returns: `reset` restores the value before that set."""

    MISSING = _MISSING

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {hex(id(self))}>'
