# Decimal powers, square roots, exp/ln/log10 and the next_* / logb / scaleb operations at
# several precisions, with the flags they raise.
from decimal import *


def show(f):
    try:
        return str(f())
    except Exception as e:
        return type(e).__name__ + str(e.args)


pows = [(2, "0.5"), ("1.5", 3), ("-2", 3), ("-2", "-3"), (10, -2), ("0.1", 20), (3, "1.5"),
        ("2.5", "-1.7"), ("0", "-1"), ("0", 0), ("-8", "0.333"), ("1e10", 100), ("7", "1e3"),
        ("1.0001", "12345"), ("Infinity", -2), ("-Infinity", 3), ("0.5", "Infinity"),
        ("123.456", "2.5"), (2, 100), (2, 1000)]
for prec in (28, 9, 50):
    with localcontext() as c:
        c.prec = prec
        for a, b in pows:
            print(prec, a, b, show(lambda: Decimal(a) ** Decimal(b)))
        for v in ["1", "2", "10", "0.5", "1e-10", "123456789", "-1", "0", "2.718281828459045",
                  "1e100", "100", "0.001", "7.5e-300", "35", "-1e100"]:
            d = Decimal(v)
            print(prec, v, show(d.exp), show(d.ln), show(d.log10), show(d.sqrt),
                  show(d.logb), show(lambda: d.scaleb(3)), show(d.next_plus),
                  show(d.next_minus))
        print(sorted(k.__name__ for k, v in c.flags.items() if v))
print(pow(Decimal(3), 4, 7), pow(Decimal(-3), 3, 5), Decimal(2) ** 64)
print(Decimal(1) / 3 * 3, sum([Decimal("0.1")] * 10), Decimal("1.1") ** 2, Decimal(10) ** -3)
