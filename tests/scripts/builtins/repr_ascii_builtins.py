# repr() and ascii() builtins on many types.
vals = [42, -1.5, 1e-10, "text", "qu'ote", 'dq"', "ñ€😀", b"b\x00", [1, "a"], (1,), {"k": None}, {1, 2}, frozenset({3}),
        None, True, range(2, 5), slice(1, 2), Ellipsis, NotImplemented, int, len, bytearray(b"x"), 2 ** 70, float("nan")]
for v in vals:
    print(repr(v), ascii(v))
