# format() mini-language for ints.
n = 48879
specs = ["", "d", "10d", "<10d", "^10", ">10", "010d", "+d", " d", "-d", ",", "_", "_x", "x", "X", "#X",
         "o", "#o", "b", "#b", "#018b", "c", "n", "=+10", "*>+12,", "e", ".2f", "%", "08.1f"]
for spec in specs:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)) if spec != "c" else "")
print(format(0, "#x"), format(0, "b"), format(-1, "x"), format(2 ** 70, ","), format(10 ** 6, "_d"))
for bad in ["s", ".2d", "z", "=s"]:
    try:
        format(5, bad)
    except ValueError as e:
        print(e)
