# struct.error messages for ranges, counts, sizes and types.
import struct

cases = [('b', 128), ('B', 256), ('h', -40000), ('H', 70000), ('i', 2 ** 31), ('<i', -2 ** 31 - 1),
         ('I', -1), ('<I', 2 ** 32), ('q', 2 ** 64), ('Q', -1), ('i', 'x'), ('d', 'x'), ('c', b'ab'), ('3s', 'str')]
for fmt, value in cases:
    try:
        struct.pack(fmt, value)
    except struct.error as e:
        print(fmt, 'error:', e)
try:
    struct.pack('ii', 1)
except struct.error as e:
    print(e)
try:
    struct.unpack('<i', b'abc')
except struct.error as e:
    print(e)
try:
    struct.calcsize('z')
except struct.error as e:
    print(e)
print(issubclass(struct.error, Exception))
