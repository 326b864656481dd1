# str(obj, encoding, errors) decodes bytes-like objects with the named codec.

print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(bytearray(b"ab"), "ascii"))
print(str(b"a\xffb", "utf-8", "replace"), str(b"a\xffb", errors="ignore"), str(b"xy", encoding="utf-8"))
print(str(memoryview(b"mv"), "utf-8"), str(b"abc"), str(object=b"abc"))
for args in [(b"a", "no-such-codec"), (b"\xff", "utf-8"), (b"\xff", "ascii"), ("text", "utf-8"),
             (5, "utf-8"), (b"a", "utf-8", "bad-handler"), (b"\xff", "utf-8", "bad-handler")]:
    try:
        print(repr(str(*args)))
    except (LookupError, TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
