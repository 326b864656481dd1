# Script subclasses of bytes, bytearray and frozenset make instances of the subclass, with
# the builtin behaviour, instance attributes, and bytearray's fill-in-__init__ protocol.


class Blob(bytes):
    def shout(self):
        return self.upper()


class Buf(bytearray):
    pass


class Bag(frozenset):
    def total(self):
        return sum(self)


b, ba, fs = Blob(b"ab"), Buf(b"cd"), Bag([1, 2, 3])
print(type(b).__name__, b, repr(b), b.shout(), b + b"x", type(b + b"x").__name__, b == b"ab")
print(hash(b) == hash(b"ab"), len(b), b[0], b[:1], type(b[:1]).__name__, b.decode(), list(b))
print(type(ba).__name__, ba, repr(ba), ba + b"!", type(ba + b"!").__name__, ba == b"cd", ba.upper())
ba.append(101)
ba.extend(b"fg")
ba[0] = 65
print(ba, len(ba), isinstance(ba, bytearray))
print(type(fs).__name__, repr(fs), fs.total(), fs | {9}, type(fs | {9}).__name__, 2 in fs)
print(fs == frozenset({1, 2, 3}), hash(fs) == hash(frozenset({1, 2, 3})), {fs: "v"}[frozenset([1, 2, 3])])
print(repr(Bag()), Blob(), repr(Buf()), Blob(3), Blob("é", "utf-8"), Buf("hi", "ascii"))
print(Blob.fromhex("6162"), type(Blob.fromhex("61")).__name__, repr(Buf.fromhex("41")))
b.note = "attr on bytes"
fs.note = "attr on frozenset"
print(b.note, fs.note)
print(type(bytes(Blob(b"x"))).__name__, type(frozenset(fs)).__name__, type(bytearray(ba)).__name__)


class Sized(bytearray):
    def __init__(self, n):
        super().__init__(b"x" * n)


class Tagged(bytes):
    def __new__(cls, text):
        return super().__new__(cls, text.encode())


class Labelled(frozenset):
    def __init__(self, items):
        self.label = f"{len(self)} items"


class Traced(frozenset):
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls, *args)


print(Sized(3), Tagged("hi"), type(Tagged("hi")).__name__, Labelled("abca").label)
print(Traced([1]), type(Traced(frozenset([5]))).__name__)
plain = bytearray(b"abc")
plain.__init__(b"zz")
print(plain)
for make in (lambda: Labelled([1], "extra"), lambda: frozenset([1], [2])):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
