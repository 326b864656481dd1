# bytes methods useful for stream handling.
data = b"GET /index HTTP/1.1\r\nHost: x\r\n\r\nbody"
head, sep, body = data.partition(b"\r\n\r\n")
print(head.split(b"\r\n"), sep, body)
print(data.find(b"Host"), data.index(b"\r\n"), data.count(b"\r\n"), data.startswith(b"GET"), data.endswith(b"dy"))
print(b"  pad  ".strip(), b"xxaxx".strip(b"x"), b"a,b,c".split(b","), b"a b  c".split(), b"-".join([b"a", b"b"]))
print(b"Hello".upper(), b"Hello".lower(), b"hello world".title(), b"abc".replace(b"b", b"XY"))
print(b"line1\nline2\r\n".splitlines(), b"line1\nline2\n".splitlines(keepends=True))
print(b"123".isdigit(), b"abc".isalpha(), b" ".isspace(), b"ab".rjust(4, b"0"), b"7".zfill(3))
print(b"key=value".rpartition(b"="), b"abcabc".rfind(b"b"), b"hello"[1:4].upper())
try:
    b"a".index(b"z")
except ValueError as e:
    print(e)
print(bytes(b"abc") == b"abc", b"%d-%s" % (5, b"x"), b"ab" < b"b")
