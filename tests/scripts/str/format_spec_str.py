# format() mini-language for strings.
s = "héllo"
for spec in ["", "s", "10", "<10", ">10", "^10", "*^11", ".3", "10.2", "->8.4", "^4", "+<7"[1:]]:
    print(repr(spec), repr(format(s, spec)))
for bad in ["d", "+", "=10", ","]:
    try:
        format(s, bad)
    except ValueError as e:
        print(e)
print(repr(format("", "^3")), repr(format("x", "0>3")), repr(format("ab", "0<5")))
