# Binary records: a header and fixed-size entries round-trip through bytes.
import struct

HEADER = struct.Struct('<4sHH')
ENTRY = struct.Struct('<I8sd')
entries = [(1, b'alpha', 1.5), (2, b'beta', -2.25), (3, b'gamma', 1e10)]
blob = HEADER.pack(b'GYRE', 1, len(entries)) + b''.join(ENTRY.pack(*e) for e in entries)
print(len(blob), blob[:8])
magic, version, count = HEADER.unpack_from(blob)
print(magic, version, count)
for i in range(count):
    ident, name, value = ENTRY.unpack_from(blob, HEADER.size + i * ENTRY.size)
    print(ident, name.rstrip(b'\x00'), value)
