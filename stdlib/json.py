"""JSON encoding and decoding with CPython's exact output and error messages; the encoder
and decoder are native (`_json`)."""

import _json

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the position of the failure."""

    # CPython defines it in the submodule, which reprs and tracebacks name.
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONEncoder:
    """Extensible JSON encoder: override `default` to serialise other types."""

    # CPython defines it in the submodule, which reprs and tracebacks name.
    __module__ = 'json.encoder'

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        return _json.encode(o, self.indent, self.item_separator, self.key_separator,
                            self.sort_keys, self.ensure_ascii, self.allow_nan, self.skipkeys,
                            self.default)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])


class JSONDecoder:
    """Simple JSON decoder with optional hooks."""

    # CPython defines it in the submodule, which reprs and tracebacks name.
    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _json.decode(s, JSONDecodeError, self.object_hook, self.object_pairs_hook,
                            self.parse_float, self.parse_int, self.parse_constant)

    def raw_decode(self, s, idx=0):
        """The document that starts at `s[idx]` and the index where it ends."""
        if s[idx:idx + 1] in ('', ' ', '\t', '\n', '\r'):
            raise JSONDecodeError('Expecting value', s, idx)
        end = len(s)
        try:
            return self.decode(s[idx:]), end
        except JSONDecodeError as e:
            if e.msg != 'Extra data':
                raise JSONDecodeError(e.msg, s, e.pos + idx) from None
            end = idx + e.pos
        while s[end - 1] in ' \t\n\r':
            end -= 1
        return self.decode(s[idx:end]), end


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None and not kw:
        if separators is None:
            item_sep, key_sep = (',' if indent is not None else ', '), ': '
        else:
            item_sep, key_sep = separators
        return _json.encode(obj, indent, item_sep, key_sep, sort_keys, ensure_ascii,
                            allow_nan, skipkeys, default)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def _no_default(o):
    raise TypeError(f'Object of type {o.__class__.__name__} '
                    f'is not JSON serializable')


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = bytes(s).decode('utf-8')
    if cls is not None:
        return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                   parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
                   **kw).decode(s)
    return _json.decode(s, JSONDecodeError, object_hook, object_pairs_hook, parse_float,
                        parse_int, parse_constant)


def load(fp, **kw):
    return loads(fp.read(), **kw)
