# float() parsing.
for s in ["3.14", "-2.5", "  1e3 ", "1E-2", ".5", "5.", "+0.0", "-0", "1_000.5",
          "inf", "-Infinity", "NaN", "16", "1e500", "-1e500", "4.9e-325"]:
    print(repr(s), float(s))
print(float(3), float(-0), float(True), float(2 ** 70))
for s in ["", "abc", "1.2.3", "1e", "0x1p3", "1__0", "- 1"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
print(float(b"2.5"))
