# bytes and bytearray repetition with the count on either side and any count type with
# __index__ (bool, a class defining __index__), big counts, and the errors for non-counts.
class I:
    def __index__(self):
        return 2

cases = ['2 * b"ab"', 'b"a" * True', 'b"a" * I()', 'I() * b"a"', 'b"a" * 0', 'b"a" * -3',
         'bytearray(b"x") * 2', '3 * bytearray(b"a")', 'b"" * 2**70', 'b"a" * 2**70',
         '2**70 * b"a"', 'bytearray() * 2**70', 'b"a" * b"b"', 'b"a" * 2.0', '1.5 * b"a"',
         'memoryview(b"a") * 2', 'b"a" * None']
for c in cases:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
ba = bytearray(b"ab")
ba *= 2
print(ba)
b = b"xy"
b *= I()
print(b)
