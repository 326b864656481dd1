# memoryview over bytearray: writes through (also through slices of the view), a bytearray
# with live views cannot change size, release() and the context manager end the export.
ba = bytearray(b"abcdef")
v = memoryview(ba)
v[0] = 65
v[1:3] = b"XY"
print(ba, v.readonly)
s = v[2:5]
s[0] = ord("z")
print(ba, s.tobytes(), len(s))
try:
    ba.append(1)
except BufferError as e:
    print("BufferError", e)
try:
    ba += b"x"
except BufferError as e:
    print("BufferError", e)
v.release()
s.release()
ba.append(33)
print(ba)
try:
    v[0]
except ValueError as e:
    print("ValueError", e)
with memoryview(ba) as w:
    print(w.tobytes())
try:
    len(w)
except ValueError as e:
    print(e)
x = bytearray()
x += memoryview(b"123")
alias = x
x += b"45"
print(x, alias is x)
try:
    hash(memoryview(bytearray(b"a")))
except ValueError as e:
    print(e)
try:
    memoryview(bytearray(b"ab"))[0:1] = b"xyz"
except ValueError as e:
    print(e)
for bad in (300, -1, "a", 1.0):
    try:
        memoryview(bytearray(b"ab"))[0] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
buf = bytearray(b"0123456789")
view = memoryview(buf)
view[::3] = b"abcd"
print(buf)
view[::-1][0:2] = b"ZY"
print(buf)
for op in ("append", "extend", "pop", "clear", "insert", "remove", "iadd", "del", "slice"):
    try:
        if op == "append":
            buf.append(1)
        elif op == "extend":
            buf.extend(b"xy")
        elif op == "pop":
            buf.pop()
        elif op == "clear":
            buf.clear()
        elif op == "insert":
            buf.insert(0, 1)
        elif op == "remove":
            buf.remove(ord("a"))
        elif op == "iadd":
            buf += b"!"
        elif op == "del":
            del buf[0]
        else:
            buf[0:2] = b"xyz"
        print(op, "allowed")
    except BufferError as e:
        print(op, "BufferError:", e)
buf[0:2] = b"AB"
buf[0] = 48
print("same-size writes allowed", buf)
sub = view[2:4]
view.release()
try:
    buf.append(1)
except BufferError:
    print("a slice of the view still exports")
sub.release()
buf.append(33)
print(buf, repr(view).startswith("<released memory at 0x"))
def held():
    v = memoryview(buf)
    return len(v)
held()
buf.append(34)
print("a view dropped by its function releases the export", len(buf))
