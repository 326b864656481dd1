# format() mini-language for floats.
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1e16, 0.5, 2.675, float("inf"), float("nan")]
specs = ["", "f", ".2f", ".0f", "e", ".3e", "g", ".3g", "%", ".1%", "10.2f", "<10.2f", "^+10.1f", ",.2f", "_.1f", "012.3f", "#.0f", "#g", "n", "G", "E"]
for v in vals:
    print(repr(v), " ".join(repr(format(v, s)) for s in specs))
print(format(1e100, ".2e"), format(123.456, ".5"), format(100.0, ".1"), format(1 / 3, ".15g"))
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format(1.5, "x")
except ValueError as e:
    print(e)
