# Decimal contexts: defaults, localcontext, traps and flags, create_decimal, and one
# context per asyncio task.
import asyncio
import decimal
from decimal import *

c = getcontext()
print(c.prec, c.rounding, c.Emax, c.Emin, c.capitals, c.clamp, c.Etiny(), c.Etop())
print(repr(c))
print(DefaultContext.prec, BasicContext, ExtendedContext, sep="\n")
print(c.create_decimal("3.14159265358979323846264338327950288"),
      Context(prec=3).create_decimal("1.2345"), c.create_decimal(0.1))
with localcontext(prec=5, rounding=ROUND_DOWN) as ctx:
    print(Decimal(2) / 3, ctx)
print(Decimal(2) / 3)
for f in [lambda: Decimal("1e999999") * 10, lambda: Decimal("abc"), lambda: 1 / Decimal(0),
          lambda: Decimal(0) / 0, lambda: Decimal("1.5").quantize(Decimal("1e-40")),
          lambda: Decimal("sNaN") + 1, lambda: Decimal(10 ** 30) // Decimal("0.001"),
          lambda: divmod(Decimal(5), 0), lambda: Decimal(5) % 0]:
    try:
        print(f())
    except DecimalException as e:
        print(type(e).__name__, e, isinstance(e, ArithmeticError),
              isinstance(e, ZeroDivisionError))
c.traps[Inexact] = True
try:
    Decimal(1) / 3
except Inexact as e:
    print("trapped", e.args)
c.traps[Inexact] = False
c.traps[FloatOperation] = True
try:
    Decimal(1.5)
except FloatOperation as e:
    print("float", e.args, isinstance(e, TypeError))
print(Decimal("1.5") == 1.5)
c.traps[FloatOperation] = False
print(repr(getcontext()))
c.clear_flags()
for name, value in [("prec", 0), ("rounding", "ROUND_SIDEWAYS"), ("Emax", -1), ("clamp", 2)]:
    try:
        setattr(c, name, value)
    except (ValueError, TypeError) as e:
        print(name, type(e).__name__)
ctx = Context(prec=6, rounding=ROUND_HALF_UP, traps=[])
print(ctx.divide(1, 7), ctx.add(Decimal("1.000001"), 1), ctx.sqrt(2), ctx.power(2, 10),
      ctx.quantize(Decimal("2.5"), Decimal("1")), ctx.divide(1, 0), ctx.flags[DivisionByZero])


async def worker(name, prec, delay):
    with localcontext() as ctx:
        ctx.prec = prec
        await asyncio.sleep(delay)
        r = Decimal(1) / Decimal(7)
        await asyncio.sleep(0)
        return name, str(r), getcontext().prec


async def setter():
    getcontext().prec = 3
    await asyncio.sleep(0.01)
    return str(Decimal(2).sqrt())


async def main():
    results = await asyncio.gather(worker("a", 5, 0.02), worker("b", 12, 0.01), setter(),
                                   worker("c", 40, 0))
    for r in results:
        print(r)
    print(getcontext().prec, Decimal(1) / Decimal(3))


asyncio.run(main())
