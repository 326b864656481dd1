# Regression: repeating an empty list or tuple a huge number of times looped that many
# times (`[] * 86400000000` hung; datetime.timedelta([], [], [], []) reached it), and
# slice and str index errors had the wrong messages.
for e in ["[] * 86400000000", "() * 86400000000", "'' * 86400000000", "b'' * 86400000000",
          "86400000000 * []", "86400000000 * ()", "len([] * 2**62)", "[] * 2**70",
          "[1] * -2**70", "'a' * 2**70", "2**70 * ()", "[1, 2] * 3", "(1,) * -1"]:
    try:
        print(e, "->", eval(e))
    except Exception as x:
        print(e, "->", type(x).__name__, x)
x = []
x *= 86400000000
print(x)
class L(list):
    pass
y = L()
y *= 86400000000
print(y, type(y).__name__)
import datetime
try:
    datetime.timedelta([], [], [], [])
except TypeError as x:
    print("TypeError")

class I:
    def __index__(self):
        return 1
f, n, o, s = 1.5, None, object(), "x"
for e in ["'abc'[:1.5]", "[1, 2][1.5:]", "(1, 2)[::1.5]", "'abc'[None:'x']", "[1, 2][I():]",
          "'abc'[f]", "'abc'[n]", "'abc'[o]", "'abc'[I()]", "[1][f]", "(1,)[s]", "slice(1.5).indices(3)", "slice(None, None, 'a').indices(3)"]:
    try:
        print(e, "->", eval(e))
    except Exception as x:
        print(e, "->", type(x).__name__, x)
