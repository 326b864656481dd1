"""Pretty-printing of data structures (CPython's `pprint`): `pprint`, `pformat`, `pp`,
`saferepr`, `isreadable`, `isrecursive` and `PrettyPrinter` (indent, width, depth, compact,
sort_dicts, underscore_numbers).

An object whose repr fits in the remaining width is written as its repr; otherwise the
containers pprint knows (dict, list, tuple, set, frozenset, str, bytes, bytearray,
mappingproxy, SimpleNamespace, dataclasses, OrderedDict, defaultdict, Counter, ChainMap,
deque, UserDict/UserList/UserString) are broken over lines, one element per line (or as
many as fit with compact=True), as CPython breaks them. Types are matched by their
`__repr__`, so a subclass that overrides `__repr__` is printed with its own repr."""

import collections
import dataclasses
import re
import sys
import types

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Writes the pretty form of object to stream (sys.stdout by default), with a newline."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty form of object, as a string."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint with dicts in insertion order by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """A repr of object that notices recursive containers."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether saferepr(object) could be read back by eval()."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _SafeKey:
    """A sort key that orders values of types that cannot be compared by type name, then id,
    so sorting a dict or set of mixed keys never raises."""

    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_pair(pair):
    return _SafeKey(pair[0]), _SafeKey(pair[1])


def _recursion(object):
    return f"<Recursion on {type(object).__name__} with id={id(object)}>"


# Types whose repr is final: no recursion, always readable.
_SCALARS = frozenset({str, bytes, bytearray, float, bool, type(None)})


def _repr_if_empty(printer):
    """Wraps a container printer: an empty container is written as its repr."""

    def print_unless_empty(self, object, stream, *layout):
        if not len(object):
            stream.write(repr(object))
            return
        printer(self, object, stream, *layout)

    return print_unless_empty


class PrettyPrinter:
    """Formats objects with the given layout settings."""

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    # ----- the public methods -----

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        out = _Collector()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object; subclasses may override it."""
        return self._safe_repr(object, context, maxlevels, level)

    # ----- layout -----

    def _pad(self, stream):
        """The spaces after an opening bracket that make up an indent wider than 1."""
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            printer = self._printer_for(object)
            if printer is not None:
                context[objid] = 1
                printer(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _printer_for(self, object):
        cls = type(object)
        printer = _PRINTERS.get(_repr_owner(cls))
        if printer is not None:
            return printer
        if (dataclasses.is_dataclass(object) and not isinstance(object, type)
                and getattr(cls.__repr__, "_dataclass_generated", False)):
            return PrettyPrinter._pprint_dataclass
        return None

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        name = type(object).__name__
        items = [(f.name, getattr(object, f.name)) for f in dataclasses.fields(object) if f.repr]
        stream.write(name + "(")
        self._format_namespace_items(items, stream, indent + len(name) + 1, allowance,
                                     context, level)
        stream.write(")")

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write("{")
        self._pad(stream)
        if len(object):
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_safe_pair)
            self._format_dict_items(list(items), stream, indent, allowance + 1, context, level)
        stream.write("}")

    @_repr_if_empty
    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        name = type(object).__name__
        stream.write(name + "(")
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1,
                     context, level)
        stream.write(")")

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write("]")

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write("(")
        end = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(end), context, level)
        stream.write(end)

    @_repr_if_empty
    def _pprint_set(self, object, stream, indent, allowance, context, level):
        cls = type(object)
        if cls is set:
            stream.write("{")
            end = "}"
        else:
            stream.write(cls.__name__ + "({")
            end = "})"
            indent += len(cls.__name__) + 1
        items = sorted(object, key=_SafeKey)
        self._format_items(items, stream, indent, allowance + len(end), context, level)
        stream.write(end)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width = self._width - indent
        line_width = max_width
        rep = ""
        for i, line in enumerate(lines):
            rep = repr(line)
            last_line = i == len(lines) - 1
            if last_line:
                line_width -= allowance
            if len(rep) <= line_width:
                chunks.append(rep)
                continue
            # Break the line after runs of whitespace: words with their trailing spaces.
            parts = re.findall(r"\S*\s*", line)[:-1]
            part_width = max_width
            current = ""
            for j, part in enumerate(parts):
                candidate = current + part
                if j == len(parts) - 1 and last_line:
                    part_width -= allowance
                if len(repr(candidate)) > part_width:
                    if current:
                        chunks.append(repr(current))
                    current = part
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write("(")
        for i, chunk in enumerate(chunks):
            if i > 0:
                stream.write("\n" + " " * indent)
            stream.write(chunk)
        if level == 1:
            stream.write(")")

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            stream.write("(")
        delim = ""
        for rep in _wrap_bytes_repr(object, self._width - indent, allowance):
            stream.write(delim)
            stream.write(rep)
            if not delim:
                delim = "\n" + " " * indent
        if parens:
            stream.write(")")

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write("bytearray(")
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1, context,
                           level + 1)
        stream.write(")")

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write("mappingproxy(")
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(")")

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        cls = type(object)
        name = "namespace" if cls is types.SimpleNamespace else cls.__name__
        stream.write(name + "(")
        self._format_namespace_items(list(object.__dict__.items()), stream,
                                     indent + len(name) + 1, allowance, context, level)
        stream.write(")")

    @_repr_if_empty
    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        factory = self._repr(object.default_factory, context, level)
        name = type(object).__name__
        indent += len(name) + 1
        stream.write(f"{name}({factory},\n{' ' * indent}")
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(")")

    @_repr_if_empty
    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        name = type(object).__name__
        stream.write(name + "({")
        self._pad(stream)
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1,
                                allowance + 2, context, level)
        stream.write("})")

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + "(")
        indent += len(name) + 1
        last = len(object.maps) - 1
        for i, m in enumerate(object.maps):
            if i == last:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(")")
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(",\n" + " " * indent)

    @_repr_if_empty
    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        name = type(object).__name__
        stream.write(name + "([")
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write("])")
        else:
            self._format_items(object, stream, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            stream.write(f"],\n{' ' * indent}maxlen={maxlen})")

    def _pprint_user_data(self, object, stream, indent, allowance, context, level):
        self._format(object.data, stream, indent, allowance, context, level - 1)

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.write(rep)
            stream.write(": ")
            self._format(value, stream, indent + len(rep) + 2, allowance if last else 1,
                         context, level)
            if not last:
                stream.write(delimnl)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            stream.write(key)
            stream.write("=")
            if id(value) in context:
                # A namespace holding itself: CPython writes "..." here, not a recursion note.
                stream.write("...")
            else:
                self._format(value, stream, indent + len(key) + 1, allowance if last else 1,
                             context, level)
            if not last:
                stream.write(delimnl)

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        self._pad(stream)
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            following = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            item = following
            try:
                following = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                needed = len(rep) + 2
                if width < needed:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= needed:
                    width -= needed
                    stream.write(delim)
                    delim = ", "
                    stream.write(rep)
                    continue
            stream.write(delim)
            delim = delimnl
            self._format(item, stream, indent, allowance if last else 1, context, level)

    # ----- one-line reprs -----

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def _safe_repr(self, object, context, maxlevels, level):
        cls = type(object)
        if cls in _SCALARS:
            return repr(object), True, False
        owner = _repr_owner(cls)
        if owner is int:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False
        if owner is dict:
            if not object:
                return "{}", True, False
            return self._safe_repr_items(object, context, maxlevels, level, "{%s}", True)
        if owner is list:
            if not object:
                return "[]", True, False
            return self._safe_repr_items(object, context, maxlevels, level, "[%s]", False)
        if owner is tuple:
            if not object:
                return "()", True, False
            template = "(%s,)" if len(object) == 1 else "(%s)"
            return self._safe_repr_items(object, context, maxlevels, level, template, False)
        rep = repr(object)
        return rep, bool(rep and not rep.startswith("<")), False

    def _safe_repr_items(self, object, context, maxlevels, level, template, is_dict):
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return template % "...", False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        parts = []
        level += 1
        if is_dict:
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_safe_pair)
            for key, value in items:
                krepr, kreadable, krecursive = self.format(key, context, maxlevels, level)
                vrepr, vreadable, vrecursive = self.format(value, context, maxlevels, level)
                parts.append(f"{krepr}: {vrepr}")
                readable = readable and kreadable and vreadable
                recursive = recursive or krecursive or vrecursive
        else:
            for item in object:
                irepr, ireadable, irecursive = self.format(item, context, maxlevels, level)
                parts.append(irepr)
                readable = readable and ireadable
                recursive = recursive or irecursive
        del context[objid]
        return template % ", ".join(parts), readable, recursive


def _wrap_bytes_repr(object, width, allowance):
    """The repr of bytes cut into pieces (at multiples of 4 bytes) that fit in width."""
    current = b""
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i:i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)


class _Collector:
    """A minimal text stream for pformat."""

    def __init__(self):
        self._parts = []

    def write(self, text):
        self._parts.append(text)
        return len(text)

    def getvalue(self):
        return "".join(self._parts)


# Printers by the class whose __repr__ the printed type uses.
_PRINTERS = {
    dict: PrettyPrinter._pprint_dict,
    list: PrettyPrinter._pprint_list,
    tuple: PrettyPrinter._pprint_tuple,
    str: PrettyPrinter._pprint_str,
    set: PrettyPrinter._pprint_set,
    frozenset: PrettyPrinter._pprint_set,
    bytes: PrettyPrinter._pprint_bytes,
    bytearray: PrettyPrinter._pprint_bytearray,
    types.MappingProxyType: PrettyPrinter._pprint_mappingproxy,
    types.SimpleNamespace: PrettyPrinter._pprint_simplenamespace,
    collections.OrderedDict: PrettyPrinter._pprint_ordered_dict,
    collections.defaultdict: PrettyPrinter._pprint_default_dict,
    collections.Counter: PrettyPrinter._pprint_counter,
    collections.ChainMap: PrettyPrinter._pprint_chain_map,
    collections.deque: PrettyPrinter._pprint_deque,
    collections.UserDict: PrettyPrinter._pprint_user_data,
    collections.UserList: PrettyPrinter._pprint_user_data,
    collections.UserString: PrettyPrinter._pprint_user_data,
}

# Builtin classes whose repr pprint knows, though they may not list __repr__ in __dict__.
_KNOWN = frozenset(_PRINTERS) | {int}


def _repr_owner(cls):
    """The class whose __repr__ instances of cls use: the first class in the MRO that pprint
    knows or that defines __repr__ (so a subclass overriding __repr__ is not taken for its
    base, and one that does not is)."""
    for c in cls.__mro__:
        if c in _KNOWN or "__repr__" in c.__dict__:
            return c
    return None
