# bytes literals, indexing returns ints, slicing returns bytes.
b = b"Hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), b"" == bytes())
print(list(b"ab"), b"a" + b"b", b"ab" * 2, b"x" in b"xyz", 120 in b"xyz", b"A" < b"a")
print(repr(b"\t\n\r\\'\""), repr(b"'"), repr(b"'\""), bytes([0, 31, 127, 128]))
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
print(b.hex(), bytes.fromhex("de ad BE EF"), b"ab".hex(":"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
