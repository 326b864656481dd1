"""Introspection helpers (CPython's `inspect`): the is* predicates, getmembers, getdoc,
cleandoc and signature/Parameter for functions written in the language."""

import sys
import types
import enum

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def ismodule(obj):
    return isinstance(obj, types.ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, types.MethodType)


def isfunction(obj):
    return isinstance(obj, types.FunctionType)


def isbuiltin(obj):
    return isinstance(obj, types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj) or isinstance(obj, types.BuiltinMethodType)


def _unwrap_callable(f):
    # Bound methods and functools.partial objects answer for the function they wrap.
    while True:
        if ismethod(f):
            f = f.__func__
        elif type(f).__name__ == "partial" and hasattr(f, "func"):
            f = f.func
        else:
            return f


def _has_flag(f, flag):
    f = _unwrap_callable(f)
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, types.CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, types.AsyncGeneratorType)


def isawaitable(obj):
    if iscoroutine(obj):
        return True
    if isgenerator(obj) or isclass(obj):
        return False
    return hasattr(type(obj), "__await__")


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def _state(prefix, running, suspended, frame):
    if running:
        return prefix + '_RUNNING'
    if suspended:
        return prefix + '_SUSPENDED'
    if frame is None:
        return prefix + '_CLOSED'
    return prefix + '_CREATED'


def getgeneratorstate(generator):
    """The state of a generator: GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    return _state('GEN', generator.gi_running, generator.gi_suspended, generator.gi_frame)


def getcoroutinestate(coroutine):
    """The state of a coroutine: CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED or CORO_CLOSED."""
    return _state('CORO', coroutine.cr_running, coroutine.cr_suspended, coroutine.cr_frame)


def istraceback(obj):
    return isinstance(obj, types.TracebackType)


def isframe(obj):
    return isinstance(obj, types.FrameType)


def iscode(obj):
    return isinstance(obj, types.CodeType)


def isabstract(obj):
    return bool(isclass(obj) and getattr(obj, "__abstractmethods__", None))


def getmembers(obj, predicate=None):
    results = []
    seen = set()
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
        seen.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    seen = {id(func)}
    while hasattr(func, "__wrapped__") and not (stop is not None and stop(func)):
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(func))
    return func


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if doc is None and isclass(obj):
        for base in obj.__mro__:
            if base is not object and base.__doc__ is not None:
                doc = base.__doc__
                break
    if doc is None and (isfunction(obj) or ismethod(obj)):
        doc = _inherited_method_doc(obj)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def _inherited_method_doc(obj):
    # A method without a docstring takes the one of the method it overrides.
    if ismethod(obj):
        owner = obj.__self__ if isclass(obj.__self__) else type(obj.__self__)
        name = obj.__func__.__name__
    else:
        parts = obj.__qualname__.split(".")
        if len(parts) < 2 or "<locals>" in parts:
            return None
        owner = sys.modules.get(obj.__module__)
        for part in parts[:-1]:
            owner = getattr(owner, part, None)
        name = parts[-1]
        if not isclass(owner):
            return None
    for base in owner.__mro__[1:]:
        meth = base.__dict__.get(name)
        if meth is not None and getattr(meth, "__doc__", None) is not None:
            return meth.__doc__
    return None


def getmodule(obj):
    if ismodule(obj):
        return obj
    name = getattr(obj, "__module__", None)
    if name is not None:
        return sys.modules.get(name)
    return None


def getfile(obj):
    if ismodule(obj):
        f = getattr(obj, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in module".format(obj))
    if isclass(obj):
        mod = sys.modules.get(obj.__module__)
        f = getattr(mod, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in class".format(obj))
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        obj = obj.__code__
    if iscode(obj):
        return obj.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or code object was expected, got {}".format(type(obj).__name__))


def currentframe():
    return sys._getframe(1)


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker: no value was given."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_KIND_DESCRIPTIONS = {
    _ParameterKind.POSITIONAL_ONLY: "positional-only",
    _ParameterKind.POSITIONAL_OR_KEYWORD: "positional or keyword",
    _ParameterKind.VAR_POSITIONAL: "variadic positional",
    _ParameterKind.KEYWORD_ONLY: "keyword-only",
    _ParameterKind.VAR_KEYWORD: "variadic keyword",
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if type(annotation).__name__ == "GenericAlias":
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
    KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
    VAR_KEYWORD = _ParameterKind.VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError("value {!r} is not a valid Parameter.kind".format(kind)) from None
        if default is not _empty and self._kind in (_ParameterKind.VAR_POSITIONAL, _ParameterKind.VAR_KEYWORD):
            raise ValueError("{} parameters cannot have default values".format(self._kind.description))
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a {}".format(type(name).__name__))
        if not name.isidentifier():
            raise ValueError("{!r} is not a valid parameter name".format(name))
        self._name = name
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return Parameter(
            self._name if name is _void else name,
            self._kind if kind is _void else kind,
            default=self._default if default is _void else default,
            annotation=self._annotation if annotation is _void else annotation,
        )

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = "{}: {}".format(text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = "{} = {!r}".format(text, self._default)
            else:
                text = "{}={!r}".format(text, self._default)
        if self._kind == _ParameterKind.VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == _ParameterKind.VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class BoundArguments:
    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        out = []
        for p in self._signature.parameters.values():
            if p.kind in (_ParameterKind.VAR_KEYWORD, _ParameterKind.KEYWORD_ONLY):
                break
            if p.name not in self.arguments:
                break
            if p.kind == _ParameterKind.VAR_POSITIONAL:
                out.extend(self.arguments[p.name])
            else:
                out.append(self.arguments[p.name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        started = False
        for p in self._signature.parameters.values():
            if not started:
                if p.kind in (_ParameterKind.VAR_KEYWORD, _ParameterKind.KEYWORD_ONLY):
                    started = True
                elif p.name not in self.arguments:
                    started = True
                    continue
            if not started or p.name not in self.arguments:
                continue
            if p.kind == _ParameterKind.VAR_KEYWORD:
                out.update(self.arguments[p.name])
            else:
                out[p.name] = self.arguments[p.name]
        return out

    def apply_defaults(self):
        new = {}
        for name, p in self._signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind == _ParameterKind.VAR_POSITIONAL:
                new[name] = ()
            elif p.kind == _ParameterKind.VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __repr__(self):
        items = ", ".join("{}={!r}".format(k, v) for k, v in self.arguments.items())
        return "<BoundArguments ({})>".format(items)

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self._signature == other._signature and self.arguments == other.arguments


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self._parameters = {}
        if parameters is not None:
            last_kind = _ParameterKind.POSITIONAL_ONLY
            seen_default = False
            for p in parameters:
                if p.kind < last_kind:
                    raise ValueError("wrong parameter order: {} parameter before {} parameter".format(
                        last_kind.description, p.kind.description))
                if p.kind > last_kind:
                    last_kind = p.kind
                if p.kind in (_ParameterKind.POSITIONAL_ONLY, _ParameterKind.POSITIONAL_OR_KEYWORD):
                    if p.default is _empty:
                        if seen_default:
                            raise ValueError("non-default argument follows default argument")
                    else:
                        seen_default = True
                if p.name in self._parameters:
                    raise ValueError("duplicate parameter name: {!r}".format(p.name))
                self._parameters[p.name] = p
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return types.MappingProxyType(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return _signature_of(obj, follow_wrapped)

    def __str__(self):
        parts = []
        slash_pending = False
        star_needed = True
        for p in self._parameters.values():
            kind = p.kind
            if kind == _ParameterKind.POSITIONAL_ONLY:
                slash_pending = True
            elif slash_pending:
                parts.append("/")
                slash_pending = False
            if kind == _ParameterKind.VAR_POSITIONAL:
                star_needed = False
            elif kind == _ParameterKind.KEYWORD_ONLY and star_needed:
                parts.append("*")
                star_needed = False
            parts.append(str(p))
        if slash_pending:
            parts.append("/")
        text = "({})".format(", ".join(parts))
        if self._return_annotation is not _empty:
            text += " -> {}".format(formatannotation(self._return_annotation))
        return text

    def __repr__(self):
        return "<{} {}>".format(type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation
                and list(self._parameters.values()) == list(other._parameters.values()))

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, True)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = list(self._parameters.values())
        kwargs = dict(kwargs)
        i = 0
        n = 0
        while i < len(params):
            p = params[i]
            if p.kind in (_ParameterKind.KEYWORD_ONLY, _ParameterKind.VAR_KEYWORD):
                break
            if p.kind == _ParameterKind.VAR_POSITIONAL:
                arguments[p.name] = tuple(args[n:])
                n = len(args)
                i += 1
                break
            if n < len(args):
                if p.kind != _ParameterKind.POSITIONAL_ONLY and p.name in kwargs:
                    raise TypeError("multiple values for argument {!r}".format(p.name))
                arguments[p.name] = args[n]
                n += 1
                i += 1
                continue
            break
        if n < len(args):
            raise TypeError("too many positional arguments") from None
        varkw = None
        for p in params[i:]:
            if p.kind == _ParameterKind.VAR_KEYWORD:
                varkw = p
                continue
            if p.kind == _ParameterKind.VAR_POSITIONAL:
                continue
            if p.kind == _ParameterKind.POSITIONAL_ONLY:
                if p.name in kwargs and varkw is None and not any(q.kind == _ParameterKind.VAR_KEYWORD for q in params):
                    raise TypeError("{!r} parameter is positional only, but was passed as a keyword".format(p.name))
                if not partial and p.default is _empty:
                    raise TypeError("missing a required argument: {!r}".format(p.name))
                continue
            if p.name in kwargs:
                arguments[p.name] = kwargs.pop(p.name)
            elif not partial and p.default is _empty:
                raise TypeError("missing a required argument: {!r}".format(p.name))
        if kwargs:
            if varkw is not None:
                arguments[varkw.name] = kwargs
            else:
                raise TypeError("got an unexpected keyword argument {!r}".format(next(iter(kwargs))))
        return BoundArguments(self, arguments)


def _function_signature(func):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, "__annotations__", None) or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = _ParameterKind.POSITIONAL_ONLY if i < nposonly else _ParameterKind.POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARARGS:
        name = names[npos + nkw]
        params.append(Parameter(name, _ParameterKind.VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for i in range(npos, npos + nkw):
        name = names[i]
        params.append(Parameter(name, _ParameterKind.KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        idx = npos + nkw + (1 if code.co_flags & CO_VARARGS else 0)
        name = names[idx]
        params.append(Parameter(name, _ParameterKind.VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(params, return_annotation=annotations.get("return", _empty))


def _signature_of(obj, follow_wrapped=True, skip_bound=True):
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if ismethod(obj):
        sig = _signature_of(obj.__func__, follow_wrapped)
        return _drop_first(sig) if skip_bound else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if ismethod(obj):
            return _signature_of(obj, follow_wrapped)
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
        return sig
    if isfunction(obj):
        return _function_signature(obj)
    if type(obj).__name__ == "partial" and hasattr(obj, "func"):
        return _partial_signature(obj, follow_wrapped)
    if isclass(obj):
        for name in ("__call__",):
            meta_call = _lookup_in_mro(type(obj), name)
            if meta_call is not None and isfunction(meta_call):
                return _drop_first(_signature_of(meta_call, follow_wrapped))
        for name in ("__new__", "__init__"):
            meth = _lookup_in_mro(obj, name)
            if meth is not None and isfunction(meth):
                return _drop_first(_signature_of(meth, follow_wrapped))
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return Signature()
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    if not isbuiltin(obj):
        call = _lookup_in_mro(type(obj), "__call__")
        if call is not None and isfunction(call):
            return _drop_first(_signature_of(call, follow_wrapped))
    raise ValueError("no signature found for {!r}".format(obj))


def _lookup_in_mro(cls, name):
    for base in cls.__mro__:
        if base is object:
            return None
        if name in base.__dict__:
            value = base.__dict__[name]
            if isinstance(value, staticmethod):
                return value.__func__
            if isinstance(value, classmethod):
                return None
            return value
    return None


def _drop_first(sig):
    params = list(sig.parameters.values())
    if params and params[0].kind not in (_ParameterKind.VAR_POSITIONAL, _ParameterKind.KEYWORD_ONLY,
                                         _ParameterKind.VAR_KEYWORD):
        params = params[1:]
    elif not params:
        raise ValueError("invalid method signature")
    return sig.replace(parameters=params)


def _partial_signature(p, follow_wrapped):
    sig = _signature_of(p.func, follow_wrapped)
    bound = sig.bind_partial(*p.args, **p.keywords)
    params = []
    for param in sig.parameters.values():
        name = param.name
        if name in bound.arguments and param.kind in (_ParameterKind.POSITIONAL_ONLY,
                                                       _ParameterKind.POSITIONAL_OR_KEYWORD):
            if name in p.keywords:
                params.append(param.replace(default=bound.arguments[name], kind=_ParameterKind.KEYWORD_ONLY))
            continue
        if name in p.keywords and param.kind != _ParameterKind.VAR_KEYWORD:
            params.append(param.replace(default=p.keywords[name], kind=_ParameterKind.KEYWORD_ONLY))
            continue
        if param.kind == _ParameterKind.POSITIONAL_OR_KEYWORD and any(
                q.kind == _ParameterKind.KEYWORD_ONLY for q in params):
            param = param.replace(kind=_ParameterKind.KEYWORD_ONLY)
        params.append(param)
    return sig.replace(parameters=params)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return _signature_of(obj, follow_wrapped)
