# Struct objects, unpack_from/pack_into with offsets, iter_unpack.
import struct

s = struct.Struct('<2hI')
print(s.format, s.size, s.pack(1, -1, 7), s.unpack(s.pack(1, -1, 7)))
buf = bytearray(12)
s.pack_into(buf, 4, 5, 6, 7)
print(buf, s.unpack_from(buf, 4), struct.unpack_from('<h', buf, offset=4))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
try:
    struct.unpack_from('<i', b'\x00\x00', 0)
except struct.error as e:
    print('error', e)
