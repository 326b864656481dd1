"""Binary/ASCII conversions (CPython's `binascii`): hexlify/unhexlify, base64 lines,
crc32 and the Error/Incomplete exceptions."""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = "binascii"
Incomplete.__module__ = "binascii"

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_INDEX = {c: i for i, c in enumerate(_B64)}
_PAD = 61  # ord("=")


def _bytes_like(data, what="a bytes-like object"):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("{} is required, not '{}'".format(what, type(data).__name__))


def _ascii_input(data):
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, (bytes, bytearray, memoryview)):
        return _bytes_like(data)
    raise TypeError("argument should be a bytes-like object or ASCII string, not '{}'".format(
        type(data).__name__))


def b2a_base64(data, *, newline=True):
    data = _bytes_like(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i + 3 <= n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63]))
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _PAD, _PAD))
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _PAD))
    if newline:
        out.append(10)
    return bytes(out)


def _flush_partial(out, acc, quad):
    # Two or three data characters before the padding carry one or two bytes.
    if quad == 2:
        out.append((acc >> 4) & 255)
    elif quad == 3:
        out += bytes(((acc >> 10) & 255, (acc >> 2) & 255))


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_input(data)
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    out = bytearray()
    acc = 0
    quad = 0
    pads = 0
    ndata = 0
    for i, c in enumerate(data):
        if c == _PAD:
            pads += 1
            if quad >= 2 and quad + pads >= 4:
                if strict_mode and i + 1 < len(data):
                    raise Error("Excess data after padding")
                _flush_partial(out, acc, quad)
                return bytes(out)
            continue
        v = _B64_INDEX.get(c)
        if v is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and pads:
            raise Error("Discontinuous padding not allowed")
        ndata += 1
        acc = (acc << 6) | v
        quad += 1
        if quad == 4:
            out += bytes(((acc >> 16) & 255, (acc >> 8) & 255, acc & 255))
            acc = 0
            quad = 0
    if quad:
        if quad == 1:
            raise Error("Invalid base64-encoded string: number of data characters ({}) cannot be 1 more "
                        "than a multiple of 4".format(ndata))
        raise Error("Incorrect padding")
    if strict_mode and pads:
        raise Error("Excess padding not allowed")
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes_like(data)
    if sep is None:
        return data.hex().encode("ascii")
    return data.hex(sep, bytes_per_sep).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _ascii_input(hexstr)
    if len(hexstr) % 2:
        raise Error("Odd-length string")
    try:
        return bytes.fromhex(hexstr.decode("ascii"))
    except ValueError:
        raise Error("Non-hexadecimal digit found") from None


a2b_hex = unhexlify


def _crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table.append(c)
    return table


_CRC_TABLE = None


def crc32(data, value=0):
    global _CRC_TABLE
    if _CRC_TABLE is None:
        _CRC_TABLE = _crc_table()
    data = _bytes_like(data)
    table = _CRC_TABLE
    crc = (value & 0xFFFFFFFF) ^ 0xFFFFFFFF
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF
