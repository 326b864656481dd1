import codecs
import io

info = codecs.lookup("UTF8")
print(info.name, codecs.lookup("latin_1").name, codecs.lookup("U16").name, codecs.lookup("utf-8-sig").name)
print(isinstance(info, tuple), len(info), info[0] is info.encode)
print(codecs.encode("héllo"), codecs.decode(b"h\xc3\xa9llo"), codecs.encode("é", "latin-1"))
print(codecs.encode("abc", "utf-16-le"), codecs.decode(b"a\x00b\x00", "utf-16-le"))
print(info.encode("añb"), info.decode(b"a\xc3\xb1b"), codecs.getencoder("ascii")("xy"))
print(codecs.encode(b"\x01\xab", "hex"), codecs.decode(b"01ab", "hex"), codecs.encode(b"hi", "base64"))
print(codecs.decode(b"aGk=\n", "base64"), codecs.encode("Hello", "rot13"), codecs.decode("Uryyb", "rot_13"))
print(codecs.encode("x", "utf-8-sig"), codecs.decode(codecs.BOM_UTF8 + b"x", "utf-8-sig"), codecs.decode(b"x", "utf-8-sig"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
for bad in (lambda: codecs.lookup("nope"), lambda: codecs.decode("str", "utf-8"),
            lambda: codecs.encode(b"x", "utf-8"), lambda: codecs.encode("é", "ascii"),
            lambda: codecs.decode(b"\xff", "utf-8"), lambda: codecs.lookup_error("nah")):
    try:
        bad()
    except (LookupError, TypeError, UnicodeError) as e:
        print(type(e).__name__, e)

dec = codecs.getincrementaldecoder("utf-8")()
data = "a€b😀c".encode()
print([dec.decode(data[i:i + 1]) for i in range(len(data))], dec.decode(b"", final=True))
dec = codecs.getincrementaldecoder("utf-8")("replace")
print(repr(dec.decode(b"x\xe2\x82")), repr(dec.decode(b"", True)))
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xe2")
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
d16 = codecs.getincrementaldecoder("utf-16-le")()
print([d16.decode(bytes([b])) for b in "hi".encode("utf-16-le")])
sig = codecs.getincrementaldecoder("utf-8-sig")()
print([sig.decode(bytes([b])) for b in codecs.BOM_UTF8 + b"ok"])
enc = codecs.getincrementalencoder("utf-8-sig")()
print(enc.encode("a"), enc.encode("b"))
print(list(codecs.iterdecode([b"\xc3", b"\xa9t\xc3", b"\xa9"], "utf-8")))
print(list(codecs.iterencode(["a", "é"], "latin-1")))
raw = io.BytesIO()
w = codecs.getwriter("utf-8")(raw)
w.write("żółw")
print(raw.getvalue())
r = codecs.getreader("utf-8")(io.BytesIO("line1\nżółw\n".encode()))
print(r.read())
print(codecs.lookup_error("strict") is codecs.strict_errors, codecs.lookup_error("ignore")(UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "bad")))
print(codecs.replace_errors(UnicodeEncodeError("ascii", "aé", 1, 2, "x")), codecs.backslashreplace_errors(UnicodeEncodeError("ascii", "aé€", 1, 3, "x")))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError("ascii", "é", 0, 1, "x")))
def search(name):
    if name == "myenc":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper().encode(), len(s)), lambda b, e="strict": (b.decode().lower(), len(b)), name="myenc")
codecs.register(search)
print(codecs.encode("abc", "myenc"), codecs.decode(b"ABC", "myenc"), codecs.lookup("myenc").name)
codecs.unregister(search)
try:
    codecs.lookup("myenc")
except LookupError as e:
    print("LookupError", e)
