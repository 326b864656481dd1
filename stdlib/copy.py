"""Shallow and deep copy operations (copy, deepcopy with a memo, __copy__/__deepcopy__)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented), frozenset)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, type):
        return x
    return _reconstruct_shallow(x)


def _reconstruct_shallow(x):
    cls = type(x)
    if isinstance(x, list):
        y = cls.__new__(cls)
        y.extend(x)
    elif isinstance(x, dict):
        y = cls.__new__(cls)
        dict.update(y, x)
    elif isinstance(x, tuple):
        y = tuple.__new__(cls, x) if cls.__new__ is tuple.__new__ else cls(*x)
    elif isinstance(x, set):
        y = cls(x)
    else:
        y = object.__new__(cls)
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in state.items():
            object.__setattr__(y, k, v)
    _copy_slots(x, y, lambda v: v)
    return y


def _copy_slots(x, y, f):
    for klass in type(x).__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            try:
                value = getattr(x, name)
            except AttributeError:
                continue
            object.__setattr__(y, name, f(value))


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if id(x) in memo:
            return memo[id(x)]
        same = True
        for k, j in zip(x, items):
            if k is not j:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is bytearray:
        y = bytearray(x)
    elif isinstance(x, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct_deep(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reconstruct_deep(x, memo):
    cls = type(x)
    if isinstance(x, tuple):
        items = [deepcopy(a, memo) for a in x]
        y = tuple.__new__(cls, items) if cls.__new__ is tuple.__new__ else cls(*items)
        memo[id(x)] = y
    elif isinstance(x, list):
        y = cls.__new__(cls)
        memo[id(x)] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif isinstance(x, dict):
        y = cls.__new__(cls)
        memo[id(x)] = y
        for key, value in x.items():
            dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
    else:
        y = object.__new__(cls)
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        for k, v in state.items():
            object.__setattr__(y, k, deepcopy(v, memo))
    _copy_slots(x, y, lambda v: deepcopy(v, memo))
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
