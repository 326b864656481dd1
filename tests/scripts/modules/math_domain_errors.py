# math domain errors and type errors.
import math
cases = [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-5)", lambda: math.log(-5)),
         ("acos(2)", lambda: math.acos(2)), ("factorial(-1)", lambda: math.factorial(-1)),
         ("factorial(2.5)", lambda: math.factorial(2.5)), ("isqrt(-4)", lambda: math.isqrt(-4)),
         ("sqrt('4')", lambda: math.sqrt("4")), ("exp(1000)", lambda: math.exp(1000)), ("pow(0,-1)", lambda: math.pow(0, -1)),
         ("fmod(1,0)", lambda: math.fmod(1, 0)), ("comb(3,-1)", lambda: math.comb(3, -1))]
for label, fn in cases:
    try:
        print(label, "=", fn())
    except (ValueError, TypeError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print(math.sqrt(0), math.sqrt(-0.0), math.log(1), math.sqrt(math.inf))
