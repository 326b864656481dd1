# pack/unpack with byte orders and common formats.
import struct

print(struct.pack('<hHiIqQ', -2, 65535, -3, 4000000000, -5, 2 ** 63))
print(struct.pack('>hHiI', 1, 2, 3, 4), struct.pack('!H', 0xABCD), struct.pack('=i', 7))
print(struct.unpack('<hHiI', struct.pack('<hHiI', -1, 2, -3, 4)))
print(struct.pack('<d', 3.141592653589793), struct.unpack('<d', struct.pack('<d', -0.5)))
print(struct.unpack('>f', struct.pack('>f', 0.1)), struct.pack('<e', 0.333), struct.unpack('<e', b'\x55\x35'))
print(struct.pack('?c3s', True, b'z', b'abcdef'), struct.unpack('?c3s', b'\x00yxyz'))
print(struct.pack('<5p', b'hi'), struct.unpack('<5p', b'\x02hi\x00\x00'), struct.pack('<2x b', 1))
print(struct.unpack('4B', b'\x01\x02\x03\xff'), struct.unpack('<4b', b'\x01\x02\x03\xff'))
