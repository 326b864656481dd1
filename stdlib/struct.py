"""Interpret bytes as packed binary data (CPython's struct), on the native `_struct`."""

import _struct
from _struct import pack, unpack, calcsize, unpack_from, error

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


def pack_into(fmt, buffer, offset, *values):
    data = pack(fmt, *values)
    if offset < 0:
        offset += len(buffer)
    if offset < 0 or offset + len(data) > len(buffer):
        raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes at '
                    'offset %d (actual buffer size is %d)'
                    % (offset + len(data), len(data), offset, len(buffer)))
    for i, b in enumerate(data):
        buffer[offset + i] = b


def iter_unpack(fmt, buffer):
    size = calcsize(fmt)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    for i in range(0, len(buffer), size):
        yield unpack(fmt, buffer[i:i + size])


class Struct:
    """A compiled struct format."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.format = format
        self.size = calcsize(format)

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)
