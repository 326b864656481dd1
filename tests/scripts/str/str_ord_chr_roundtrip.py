# ord/chr round trips and errors.
for c in ["A", "z", "0", " ", "é", "€", "😀", "\n", "\x00"]:
    print(repr(c), ord(c), chr(ord(c)) == c, hex(ord(c)))
print(chr(0x10FFFF) == "\U0010ffff", [chr(i) for i in range(65, 71)])
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    ord("")
except TypeError as e:
    print(e)
print(ord(b"a"), ord(bytearray(b"z")))
