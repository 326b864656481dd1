"""Codec registry and helpers (CPython's `codecs`): lookup/CodecInfo, encode/decode, the
incremental encoders and decoders (split multi-byte sequences are buffered), stream
readers/writers, iterencode/iterdecode, register/unregister, register_error/lookup_error,
open, and the BOM constants.

Text codecs are the encodings `str.encode`/`bytes.decode` support (utf-8, ascii, latin-1,
utf-16/32 and their -le/-be forms) plus utf-8-sig; the bytes-to-bytes codecs hex, base64 and
rot13 exist too."""

import builtins

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE",
           "BOM32_LE", "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE",
           "BOM_UTF16_BE", "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec",
           "IncrementalEncoder", "IncrementalDecoder", "StreamReader", "StreamWriter",
           "StreamReaderWriter", "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter", "encode", "decode",
           "iterencode", "iterdecode", "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors", "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """A codec's functions: (encode, decode, streamreader, streamwriter) plus attributes."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None, *,
                _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s>" % (self.__class__.__module__,
                                                   self.__class__.__qualname__, self.name)


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """Keeps the undecodable tail of one call for the next (`_buffer_decode` says how much
    it consumed)."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + bytes(input)
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class _StreamWrapper:
    """What the stream classes share: unknown attributes come from the wrapped stream, and
    `with` closes it."""

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamWriter(_StreamWrapper, Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass


class StreamReader(_StreamWrapper, Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self._decoder = None

    def read(self, size=-1, chars=-1, firstline=False):
        data = self.stream.read() if size < 0 else self.stream.read(size)
        if self._decoder is None:
            self._decoder = self._incremental(self.errors)
        return self._decoder.decode(data, final=size < 0 or not data)

    def readline(self, size=None, keepends=True):
        line = self.stream.readline()
        if self._decoder is None:
            self._decoder = self._incremental(self.errors)
        text = self._decoder.decode(line, final=not line)
        return text if keepends else text.rstrip('\r\n')

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self._decoder = None

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration


class StreamReaderWriter(_StreamWrapper):
    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.reader)


# ----- the built-in codecs -----

def _utf8_cut(data):
    """How many leading bytes of `data` hold complete UTF-8 sequences (a trailing partial
    sequence is left for the next call)."""
    n = len(data)
    for back in range(1, min(4, n) + 1):
        b = data[n - back]
        if b & 0xC0 == 0x80:
            continue
        need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else 4 if b & 0xF8 == 0xF0 else 1
        return n - back if need > back else n
    return n


def _text_codec(name, encoding, cut=None, bom=None):
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError("%s_encode() argument 1 must be str, not %s"
                            % (name.replace('-', '_'), type(input).__name__))
        return input.encode(encoding, errors), len(input)

    def decode(input, errors='strict'):
        data = bytes(input)
        return data.decode(encoding, errors), len(data)

    class Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return input.encode(encoding, self.errors)

    class Decoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, data, errors, final):
            end = len(data) if final or cut is None else cut(data)
            return data[:end].decode(encoding, errors), end

    class Writer(StreamWriter):
        pass

    class Reader(StreamReader):
        pass

    Writer.encode = staticmethod(encode)
    Reader.encode = staticmethod(encode)
    Writer.decode = staticmethod(decode)
    Reader.decode = staticmethod(decode)
    Reader._incremental = Decoder
    return CodecInfo(encode, decode, Reader, Writer, Encoder, Decoder, name)


def _sig_codec():
    base = _text_codec('utf-8', 'utf-8', _utf8_cut)

    def encode(input, errors='strict'):
        data, n = base.encode(input, errors)
        return BOM_UTF8 + data, n

    def decode(input, errors='strict'):
        data = bytes(input)
        prefix = 3 if data[:3] == BOM_UTF8 else 0
        text, _ = base.decode(data[prefix:], errors)
        return text, len(data)

    class Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self.first = True

        def encode(self, input, final=False):
            data = input.encode('utf-8', self.errors)
            if self.first:
                self.first = False
                return BOM_UTF8 + data
            return data

        def reset(self):
            self.first = True

    class Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.first = True

        def _buffer_decode(self, data, errors, final):
            skip = 0
            if self.first:
                if len(data) < 3 and BOM_UTF8.startswith(data) and not final:
                    return '', 0
                self.first = False
                if data[:3] == BOM_UTF8:
                    skip = 3
            end = len(data) if final else _utf8_cut(data)
            return data[skip:end].decode('utf-8', errors), end

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self.first = True

    return CodecInfo(encode, decode, base.streamreader, base.streamwriter, Encoder, Decoder,
                     'utf-8-sig')


def _bytes_codec(name, enc, dec):
    def encode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError("Unsupported error handling '%s'" % errors)
        return enc(input), len(input)

    def decode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError("Unsupported error handling '%s'" % errors)
        return dec(input), len(input)

    class Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return enc(input)

    class Decoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return dec(input)

    return CodecInfo(encode, decode, None, None, Encoder, Decoder, name,
                     _is_text_encoding=False)


def _hex_encode(data):
    import binascii
    return binascii.b2a_hex(data)


def _hex_decode(data):
    import binascii
    return binascii.a2b_hex(data)


def _b64_encode(data):
    import base64
    return base64.encodebytes(data)


def _b64_decode(data):
    import base64
    return base64.decodebytes(data)


def _rot13(text):
    out = []
    for c in text:
        o = ord(c)
        if 65 <= o <= 90:
            c = chr((o - 65 + 13) % 26 + 65)
        elif 97 <= o <= 122:
            c = chr((o - 97 + 13) % 26 + 97)
        out.append(c)
    return ''.join(out)


def _rot13_codec():
    def encode(input, errors='strict'):
        return _rot13(input), len(input)

    class Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return _rot13(input)

    class Decoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return _rot13(input)

    return CodecInfo(encode, encode, None, None, Encoder, Decoder, 'rot-13',
                     _is_text_encoding=False)


def _even(unit):
    def cut(data):
        return len(data) - len(data) % unit
    return cut


_ALIASES = {
    'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'ascii': 'ascii', 'usascii': 'ascii', '646': 'ascii', 'us': 'ascii',
    'latin1': 'iso8859-1', 'latin': 'iso8859-1', 'l1': 'iso8859-1', 'iso88591': 'iso8859-1',
    '8859': 'iso8859-1', 'cp819': 'iso8859-1', 'iso_88591': 'iso8859-1',
    'utf16': 'utf-16', 'u16': 'utf-16', 'utf16le': 'utf-16-le', 'utf16be': 'utf-16-be',
    'utf32': 'utf-32', 'u32': 'utf-32', 'utf32le': 'utf-32-le', 'utf32be': 'utf-32-be',
    'utf8sig': 'utf-8-sig',
    'hex': 'hex', 'hexcodec': 'hex', 'base64': 'base64', 'base64codec': 'base64',
    'base_64': 'base64', 'rot13': 'rot-13',
}


def _builtin(name):
    if name == 'utf-8':
        return _text_codec('utf-8', 'utf-8', _utf8_cut)
    if name == 'ascii':
        return _text_codec('ascii', 'ascii')
    if name == 'iso8859-1':
        return _text_codec('iso8859-1', 'latin-1')
    if name in ('utf-16', 'utf-16-le', 'utf-16-be'):
        return _text_codec(name, name, _even(2))
    if name in ('utf-32', 'utf-32-le', 'utf-32-be'):
        return _text_codec(name, name, _even(4))
    if name == 'utf-8-sig':
        return _sig_codec()
    if name == 'hex':
        return _bytes_codec('hex', _hex_encode, _hex_decode)
    if name == 'base64':
        return _bytes_codec('base64', _b64_encode, _b64_decode)
    if name == 'rot-13':
        return _rot13_codec()
    return None


_search_functions = []
_cache = {}


def _normalize(encoding):
    return encoding.lower().replace(' ', '_')


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    for search in _search_functions:
        info = search(key)
        if info is not None:
            if not isinstance(info, CodecInfo) and not (isinstance(info, tuple)
                                                       and len(info) == 4):
                raise TypeError("codec search functions must return 4-tuples")
            _cache[key] = info
            return info
    compact = key.replace('-', '').replace('_', '')
    name = _ALIASES.get(compact) or _ALIASES.get(key)
    info = _builtin(name) if name else None
    if info is None:
        raise LookupError("unknown encoding: %s" % encoding)
    _cache[key] = info
    return info


def _wrapped(operation, info, func, obj, errors):
    # CPython names the codec in plain TypeErrors/ValueErrors a codec raises (not in
    # UnicodeErrors, which carry their own position information).
    try:
        return func(obj, errors)[0]
    except UnicodeError:
        raise
    except (TypeError, ValueError) as e:
        raise type(e)("%s with '%s' codec failed (%s: %s)"
                      % (operation, info.name, type(e).__name__, e)) from e


def _decode_text(info):
    def check(obj, errors):
        if isinstance(obj, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return info.decode(obj, errors)
    return check


def encode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    return _wrapped("encoding", info, info.encode, obj, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    info = lookup(encoding)
    func = _decode_text(info) if info._is_text_encoding else info.decode
    return _wrapped("decoding", info, func, obj, errors)


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    if 'b' in mode:
        mode = mode.replace('b', '')
    return builtins.open(filename, mode, buffering, encoding, errors)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("codecs.EncodedFile is not supported by gyre")


# ----- error handlers -----

def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def _check_unicode_error(exc):
    if not isinstance(exc, UnicodeError):
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)


def ignore_errors(exc):
    _check_unicode_error(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check_unicode_error(exc)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * (exc.end - exc.start), exc.end)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)
    return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


def backslashreplace_errors(exc):
    _check_unicode_error(exc)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    out = []
    for c in exc.object[exc.start:exc.end]:
        o = ord(c)
        out.append('\\x%02x' % o if o < 0x100 else '\\u%04x' % o if o < 0x10000
                   else '\\U%08x' % o)
    return (''.join(out), exc.end)


def namereplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)
    import unicodedata
    out = []
    for c in exc.object[exc.start:exc.end]:
        try:
            out.append('\\N{%s}' % unicodedata.name(c))
        except (ValueError, KeyError):
            out.append(backslashreplace_errors(UnicodeEncodeError(
                exc.encoding, c, 0, 1, exc.reason))[0])
    return (''.join(out), exc.end)


_error_handlers = {
    'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'backslashreplace': backslashreplace_errors, 'namereplace': namereplace_errors,
}


def register_error(name, error_handler):
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None
