# encode/decode with utf-8, ascii, latin-1 and error handlers.
s = "naïve ☕ 𝄞"
u = s.encode("utf-8")
print(u, len(u), u.decode("utf-8") == s, s.encode() == u)
print("abc".encode("ascii"), "é".encode("latin-1"), b"\xe9".decode("latin-1"))
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"))
print(b"ab\xffcd".decode("utf-8", "replace"), b"ab\xffcd".decode("utf-8", "ignore"), b"ab\xffcd".decode("utf-8", "backslashreplace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xc3\x28".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"ok\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(e.start, e.end, e.reason)
print(str(b"\xe2\x98\x95", "utf-8"), bytes("x", encoding="utf-8"), "ß".encode("utf-16-le"))
print(isinstance(UnicodeDecodeError("utf-8", b"", 0, 1, "x"), ValueError))
