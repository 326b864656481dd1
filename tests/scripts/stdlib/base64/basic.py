import base64
import binascii

for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(0, 256, 7))]:
    e = base64.b64encode(data)
    print(e, base64.b64decode(e) == data, base64.b32encode(data), base64.b16encode(data))
    print(base64.urlsafe_b64encode(data), base64.b32decode(base64.b32encode(data)) == data)
print(base64.b64decode("aGVsbG8gd29ybGQ="))
print(base64.b64decode(b"aGVs\nbG8g d29y*bGQ="))
print(base64.urlsafe_b64decode("-_-_"))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"))
print(base64.b64decode(b"-_8=", altchars=b"-_"))
print(base64.b16decode("DEADBEEF"), base64.b16decode("deadbeef", casefold=True))
print(base64.encodebytes(b"x" * 100))
print(base64.decodebytes(base64.encodebytes(b"x" * 100)) == b"x" * 100)
print(base64.standard_b64encode(b"hi"), base64.standard_b64decode(b"aGk="))
for bad in ["abc", "a", "ab=c", "é"]:
    try:
        print(base64.b64decode(bad))
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
try:
    base64.b64decode("ab!c", validate=True)
except binascii.Error as e:
    print("validate", e)
try:
    base64.b16decode("zz")
except binascii.Error as e:
    print("b16", e)
try:
    base64.b64encode("text")
except TypeError as e:
    print("TypeError", e)
print(binascii.hexlify(b"\x01\xab"), binascii.unhexlify("01ab"), binascii.crc32(b"hello world"))
print(issubclass(binascii.Error, ValueError))
