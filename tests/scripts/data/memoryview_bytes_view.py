# memoryview over bytes: indexing, zero-copy slicing (also reversed and stepped),
# attributes, comparisons, hashing, conversions and use wherever bytes are accepted.
b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m[1:4].tobytes(), bytes(m[6:]), m.tolist()[:3], m[::2].tobytes(), m[::-1].tobytes())
print(m == b, m == b"x", m[:5] == b"hello", m.obj is b, hash(m) == hash(b))
print(list(memoryview(b"xyz")), m.cast("B").tobytes()[:2], m.hex()[:4], bool(memoryview(b"")))
print(type(m).__name__, m.c_contiguous, m[::2].contiguous, m.toreadonly().readonly)
mm = memoryview(b"abcdef")
print(mm[1:5][1:3].tobytes(), mm[::-1][::2].tobytes(), mm[4:1].tobytes(), len(mm[10:]))
print(b"ab" + memoryview(b"cd"), bytearray(b"ab") + memoryview(b"cd"))
print(b"".join([memoryview(b"ab"), b"cd", memoryview(bytearray(b"ef"))]), b"-".join([mm[:2]]))
print(bytes(memoryview(b"q")), bytearray(memoryview(b"r")), memoryview(mm)[2], mm[True])
print({memoryview(b"k"): 1}[b"k"], memoryview(b"ab") != b"ab", memoryview(b"ab") == [97, 98])
for bad in (5, "text", [1, 2], None):
    try:
        memoryview(bad)
    except TypeError as e:
        print("TypeError:", e)
for key in (5, -7, "x", 1.5):
    try:
        mm[key]
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    mm[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del mm[0]
except TypeError as e:
    print("TypeError:", e)
try:
    del memoryview(bytearray(b"ab"))[0]
except TypeError as e:
    print("TypeError:", e)
print(mm.cast("B") == mm, mm.cast("B").format, mm[::2].tobytes())
