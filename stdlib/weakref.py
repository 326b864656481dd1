"""Weak references (CPython's `weakref`).

The referent bookkeeping is native (`_weakref`: each reference object is registered with its
referent held as an `rc::Weak`, and callbacks run at the VM's next safe point once the
referent's last strong reference goes). Reference, proxy and container types are built here
on top of it, with CPython's behaviour: `ref(x) is ref(x)` without a callback, hashes and
equality follow the referent while it lives, callbacks run newest first, and proxies raise
ReferenceError once the referent is gone."""

import _weakref
from _weakref import getweakrefcount, getweakrefs
import collections.abc as _abc
import operator as _op
import sys as _sys

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]

# List positions in the native registry (see `_weakref.register`).
_PLAIN_REF = 0
_PLAIN_PROXY = 1
_OTHER = 2


def _addr(obj):
    return "0x%x" % id(obj)


def _check_args(name, extra, kwargs):
    if extra:
        raise TypeError("%s expected at most 2 arguments, got %d" % (name, 2 + len(extra)))
    if kwargs:
        raise TypeError("ref() takes no keyword arguments")


class ReferenceType:
    """A weak reference: calling it gives the referent, or None once it is gone."""

    def __new__(cls, ob, callback=None, /, *args, **kwargs):
        _check_args("__new__", args, kwargs)
        _weakref.check(ob)
        plain = cls is ReferenceType and callback is None
        if plain:
            for r in getweakrefs(ob):
                if type(r) is ReferenceType and _weakref.callback(r) is None:
                    return r
        self = object.__new__(cls)
        _weakref.register(ob, self, callback, _PLAIN_REF if plain else _OTHER)
        return self

    def __init__(self, ob, callback=None, /, *args, **kwargs):
        _check_args("__init__", args, kwargs)

    def __call__(self):
        return _weakref.get(self)

    @property
    def __callback__(self):
        return _weakref.callback(self)

    def __hash__(self):
        h = self.__dict__.get("_weakref_hash")
        if h is None:
            ob = _weakref.get(self)
            if ob is None:
                raise TypeError("weak object has gone away")
            h = hash(ob)
            self.__dict__["_weakref_hash"] = h
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = _weakref.get(self)
        b = _weakref.get(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a = _weakref.get(self)
        b = _weakref.get(other)
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        ob = _weakref.get(self)
        if ob is None:
            return "<weakref at %s; dead>" % _addr(self)
        try:
            name = ob.__name__
        except Exception:
            name = None
        text = "<weakref at %s; to '%s' at %s" % (_addr(self), type(ob).__name__, _addr(ob))
        if isinstance(name, str):
            return text + " (%s)>" % name
        return text + ">"

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ref = ReferenceType


def _unwrap(x):
    if isinstance(x, _ProxyBase):
        return _target(x)
    return x


def _target(p):
    ob = _weakref.get(p)
    if ob is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return ob


class _ProxyBase:
    """What both proxy types share: every operation goes to the live referent."""

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        ob = _weakref.get(self)
        return "<weakproxy at %s to %s at %s>" % (_addr(self), type(ob).__name__, _addr(ob))

    def __str__(self):
        return str(_target(self))

    def __bytes__(self):
        return bytes(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __len__(self):
        return len(_target(self))

    def __iter__(self):
        return iter(_target(self))

    def __next__(self):
        return next(_target(self))

    def __reversed__(self):
        return reversed(_target(self))

    def __contains__(self, item):
        return item in _target(self)

    def __getitem__(self, key):
        return _target(self)[key]

    def __setitem__(self, key, value):
        _target(self)[key] = value

    def __delitem__(self, key):
        del _target(self)[key]

    def __index__(self):
        return _op.index(_target(self))

    def __int__(self):
        return int(_target(self))

    def __float__(self):
        return float(_target(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'" % type(self).__name__)


def _proxy_binary(fn):
    def forward(self, other):
        return fn(_unwrap(self), _unwrap(other))

    def backward(self, other):
        return fn(_unwrap(other), _unwrap(self))

    return forward, backward


def _proxy_unary(fn):
    return lambda self: fn(_target(self))


for _name in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift",
              "rshift", "and", "or", "xor"):
    _fn = getattr(_op, _name + "_" if _name in ("and", "or") else _name)
    _f, _b = _proxy_binary(_fn)
    setattr(_ProxyBase, "__%s__" % _name, _f)
    setattr(_ProxyBase, "__r%s__" % _name, _b)
    setattr(_ProxyBase, "__i%s__" % _name, _proxy_binary(getattr(_op, "i" + _name))[0])
for _name in ("lt", "le", "eq", "ne", "gt", "ge", "divmod"):
    _fn = divmod if _name == "divmod" else getattr(_op, _name)
    _f, _b = _proxy_binary(_fn)
    setattr(_ProxyBase, "__%s__" % _name, _f)
    if _name == "divmod":
        setattr(_ProxyBase, "__rdivmod__", _b)
for _name, _fn in (("neg", _op.neg), ("pos", _op.pos), ("abs", abs), ("invert", _op.invert)):
    setattr(_ProxyBase, "__%s__" % _name, _proxy_unary(_fn))


class ProxyType(_ProxyBase):
    """A proxy to a referent that is not callable."""


class CallableProxyType(_ProxyBase):
    """A proxy to a callable referent."""

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)
del _name, _fn, _f, _b


def proxy(ob, callback=None, /):
    """A proxy to `ob` that forwards every operation while `ob` lives."""
    _weakref.check(ob)
    cls = CallableProxyType if callable(ob) else ProxyType
    if callback is None:
        for r in getweakrefs(ob):
            if type(r) is cls and _weakref.callback(r) is None:
                return r
    p = object.__new__(cls)
    _weakref.register(ob, p, callback, _PLAIN_PROXY if callback is None else _OTHER)
    return p


class WeakMethod(ref):
    """A weak reference to a bound method that lives as long as its object and function."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that carries a key (WeakValueDictionary's entries)."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class _WeakMapping(_abc.MutableMapping):
    """What both weak dictionaries share: `clear` and the `|` operators (3.9+)."""

    def clear(self):
        self.data.clear()

    def __or__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self.data.get(wr.key) is wr:
                    del self.data[wr.key]

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %s>" % (self.__class__.__name__, _addr(self))

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[deepcopy(key, memo)] = o
        return new

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                yield o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "keys"):
                other = dict(other)
            for key in other.keys():
                d[key] = KeyedRef(other[key], self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass

        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __repr__(self):
        return "<%s at %s>" % (self.__class__.__name__, _addr(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        try:
            wr = ref(key)
        except TypeError:
            return default
        return self.data.get(wr, default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    __iter__ = keys

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)


class WeakSet:
    """A set whose members are held weakly: a member leaves when it dies."""

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)

        self._remove = _remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return (self.__class__, (list(self),), self.__dict__)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    __hash__ = None

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


WeakSet.__module__ = "_weakrefset"


class finalize:
    """Calls func(*args, **kwargs) once, when `obj` dies or at exit (if `atexit` is true),
    unless called or detached before."""

    __slots__ = ()
    # Live finalizers -> [weak reference, func, args, kwargs, atexit flag, creation number].
    _registry = {}
    _created = 0
    _exiting = False
    _hooked = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._hooked:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._hooked = True
        finalize._created += 1
        finalize._registry[self] = [ref(obj, self), func, args, kwargs, True, finalize._created]

    def _entry(self):
        return finalize._registry.get(self)

    def __call__(self, _=None):
        """Calls the function unless that has been done already; returns its result."""
        entry = finalize._registry.pop(self, None)
        if entry is not None and not finalize._exiting:
            return entry[1](*entry[2], **entry[3])

    def _state(self):
        entry = self._entry()
        obj = None if entry is None else entry[0]()
        if obj is None:
            return None
        return (obj, entry[1], entry[2], dict(entry[3]))

    def detach(self):
        """(obj, func, args, kwargs) if still alive, and forgets the call; else None."""
        state = self._state()
        if state is not None:
            del finalize._registry[self]
        return state

    def peek(self):
        """(obj, func, args, kwargs) if still alive, else None."""
        return self._state()

    @property
    def alive(self):
        """Whether the finalizer is still to be called."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether it is called at exit if still alive then."""
        entry = self._entry()
        return entry is not None and entry[4]

    @atexit.setter
    def atexit(self, value):
        entry = self._entry()
        if entry is not None:
            entry[4] = bool(value)

    def __repr__(self):
        entry = self._entry()
        obj = None if entry is None else entry[0]()
        if obj is None:
            return "<finalize object at %s; dead>" % _addr(self)
        return "<finalize object at %s; for %r at %s>" % (_addr(self), type(obj).__name__, _addr(obj))

    @staticmethod
    def _run_at_exit():
        # Newest first, as CPython: each pass takes the live ones still marked for exit.
        try:
            todo = sorted((e[5], f) for f, e in finalize._registry.items() if e[4])
            for _, f in reversed(todo):
                if f in finalize._registry:
                    try:
                        f()
                    except Exception:
                        _sys.excepthook(*_sys.exc_info())
        finally:
            finalize._exiting = True
