# bytes/bytearray translate and maketrans, with CPython's errors.
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], type(table).__name__)
print(b"aabbcc-d".translate(table))
print(b"hello world".translate(None, b"lo"))
print(b"hello".translate(table, delete=b"h"))
print(bytearray(b"abcabc").translate(table), type(bytearray(b"a").translate(None)).__name__)
print(bytearray.maketrans(b"a", b"b")[97], bytes(range(256)).translate(table)[95:101])
print(b"".translate(None), b"keep".translate(None, b""))
for bad in [lambda: b"x".translate(b"short"), lambda: bytes.maketrans(b"ab", b"c"), lambda: b"x".translate(None, "s"),
            lambda: bytes.maketrans("a", b"b"), lambda: bytes.maketrans(b"a")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
