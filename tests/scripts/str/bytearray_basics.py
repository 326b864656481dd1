# bytearray is mutable.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba), ba[0], bytes(ba))
ba[1:3] = b"EE"
del ba[-3:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
ba.reverse()
print(ba)
ba += b"++"
print(ba, ba * 2 if False else ba.decode(), ba.find(b"+"))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray() == b"")
ba2 = bytearray(b"abc")
print(ba2 == b"abc", ba2.upper(), type(ba2.upper()).__name__, ba2.hex())
try:
    ba2[0] = 300
except ValueError as e:
    print(e)
try:
    hash(ba2)
except TypeError as e:
    print(e)
ba2.clear()
print(ba2, repr(bytearray(b"\x00\n'")))
