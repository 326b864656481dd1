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


def coroutine(func):
    """Marks a generator function as a coroutine (a no-op for `async def` functions)."""
    return func


def get_original_bases(cls):
    return cls.__dict__.get("__orig_bases__", cls.__bases__)
