"""Names for the interpreter's built-in types (CPython's `types`), plus `SimpleNamespace`,
`new_class` and `coroutine`."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = None  # defined below


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_coro = _c()
CoroutineType = type(_coro)
_coro.close()
del _coro


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
GenericAlias = type(list[int])
UnionType = type(int | str)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_e.__traceback__.tb_frame)
    del _e


# The ids of the SimpleNamespaces whose repr is being built (to cut recursion).
_NAMESPACES_IN_REPR = set()


class SimpleNamespace:
    """A plain attribute bag: `SimpleNamespace(a=1)` has attribute `a`; equal when the
    attributes are."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        # A namespace that contains itself shows as name(...) there, as in CPython.
        key = id(self)
        if key in _NAMESPACES_IN_REPR:
            return f"{name}(...)"
        _NAMESPACES_IN_REPR.add(key)
        try:
            return "{}({})".format(name, ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()))
        finally:
            _NAMESPACES_IN_REPR.discard(key)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        # CPython's type is a C type, named with its module in this message.
        name = "types.SimpleNamespace" if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError(f"unhashable type: '{name}'")


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class object dynamically, with the right metaclass."""
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop("metaclass", type)
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return meta(name, tuple(bases), ns, **kwds)


class _GeneratorWrapper:
    """A generator made awaitable by `coroutine` (CPython's `types._GeneratorWrapper`)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = type(gen) is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Makes a generator-based function awaitable: what it returns, when a generator (or any
    iterator that is not a coroutine), is wrapped so that `await` drives it as `yield from`
    would. `async def` functions are returned as they are."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if type(func) is FunctionType and func.__code__.co_flags & 0x180:
        # Already a coroutine function (CO_COROUTINE | CO_ITERABLE_COROUTINE).
        return func

    import functools
    import collections.abc as _abc

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if type(coro) is CoroutineType:
            return coro
        if type(coro) is GeneratorType or (
                isinstance(coro, _abc.Generator) and not isinstance(coro, _abc.Coroutine)):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped


def get_original_bases(cls):
    return cls.__dict__.get("__orig_bases__", cls.__bases__)
