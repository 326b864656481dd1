# Regression: a static native of a builtin type (int.from_bytes, str.maketrans,
# dict.fromkeys, ...) that raised when called with no arguments through a Rust-side call
# (functools.partial, a callback) read a receiver that was not there and panicked.
import functools

calls = [
    "functools.partial(int.from_bytes)()",
    "functools.partial(str.maketrans)()",
    "functools.partial(dict.fromkeys)()",
    "functools.partial(bytes.fromhex)()",
    "functools.partial(len)()",
    "int.from_bytes()",
    "str.maketrans()",
    "dict.fromkeys()",
    "dict.fromkeys('ab', 1, 2)",
    "str.maketrans(1, 'a')",
    "str.maketrans('a', 1)",
    "str.maketrans('ab', 'c')",
    "str.maketrans('a', 'b', 1)",
    "str.maketrans('a', 'b', 'c', 'd')",
    "str.maketrans({'ab': 1})",
    "str.maketrans({1.5: 1})",
    "str.maketrans('ab')",
]
for c in calls:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
print(str.maketrans({"a": "xy", 98: None, "c": 1}), str.maketrans({}), str.maketrans("ab", "cd", "e"))
print(dict.fromkeys("ab"), dict.fromkeys("ab", 0), "abc".translate(str.maketrans("ab", "xy", "c")))
for c in ["bytes.fromhex(1)", "bytearray.fromhex()", "bytes.fromhex('zz')", "bytes.fromhex('a b')", "bytearray.fromhex('ab 01')"]:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
