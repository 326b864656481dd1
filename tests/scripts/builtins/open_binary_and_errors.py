# open() in binary mode, seek/tell, and the errors CPython raises.
path = "/tmp/gyre_test_open_binary_and_errors.bin"
with open(path, "wb") as f:
    print(f.write(b"\x00\x01binary\n"), f.write(bytearray(b"tail")))
with open(path, "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.read())
    print(f.seek(0), f.read(2), f.seek(-4, 2), f.read())
with open(path, "r+b") as f:
    f.seek(2)
    f.write(b"BI")
with open(path, "rb") as f:
    print(f.read())
try:
    open("/tmp/gyre_no_such_dir/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    open("/tmp", "r").read()
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, isinstance(e, OSError))
for bad in ["z", "rw", "rbt", "rr"]:
    try:
        open(path, bad)
    except ValueError as e:
        print(bad, e)
f = open(path, "rb")
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(path, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print(e)
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print(e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print(e)
