# format() / f-strings / %-formatting of Decimals over generated operands.
from decimal import Decimal
from _gen import cases


def show(f):
    try:
        return str(f())
    except Exception as e:
        return type(e).__name__ + str(e.args)


specs = ["", "f", ".2f", ".0f", "e", ".3e", "E", "g", ".3g", "G", ".1g", "%", ".1%", ",",
         ",.2f", "_.3f", ">20.4f", "<15", "^17.2e", "+.3f", " .2f", "015.3f", "#.0f",
         "020,.2f", "z.2f", ".10", "n", ".30f", "010", "=+12.1f", "*^30,.5f", ".2x"]
for i, (a, b) in enumerate(cases(70)):
    x = Decimal(a)
    print(i, a, " | ".join(show(lambda: format(x, s)) for s in specs))
print("%s %r %.2f %10.3f" % (Decimal("1.5"), Decimal("1.5"), Decimal("2.345"), Decimal("3.14159")))
print(f"{Decimal('1234.5678'):,.2f} {Decimal('0.5'):.0%} {Decimal('-0.0'):z.1f}")
for v in ["-0", "0e-10", "1e-7", "123e-9", "1.23e+5", "0.000001", "0.0000001", "1E+3", "12E+3",
          "0.00012", "0E+4", "-1.5e-20", "sNaN12", "-nan"]:
    d = Decimal(v)
    print(v, str(d), repr(d), d.to_eng_string())
