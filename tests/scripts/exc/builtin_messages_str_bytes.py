# Exact messages of common argument mistakes in str and int methods and of bitwise
# operators on floats.
tests = [
    lambda: "".join(None),
    lambda: ",".join(5),
    lambda: "-".join(["a", 1]),
    lambda: int.from_bytes("ab", "big"),
    lambda: int.from_bytes(5, "big"),
    lambda: int.from_bytes([300], "big"),
    lambda: 1 << 1.5,
    lambda: 1.5 >> 1,
    lambda: 1 & 1.5,
    lambda: 2.0 | 1,
    lambda: True ^ 0.5,
    lambda: "abc".count(),
    lambda: "abc".find(),
    lambda: "abc".rindex(),
    lambda: "abc".find(1),
    lambda: "abc".strip(1),
    lambda: "abc".lstrip(b"a"),
    lambda: "abc".rstrip([]),
    lambda: "abc".split(1),
]
for i, t in enumerate(tests):
    try:
        print(i, "ok", t())
    except Exception as e:
        print(i, type(e).__name__, e)
print("ab".strip(None), "xaxx".strip("x"))
