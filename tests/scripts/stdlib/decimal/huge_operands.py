# Operands with huge exponents or coefficients: answered at once (overflow, underflow,
# InvalidOperation) or computed without int-text limits, never a hang.
from decimal import *
def show(f):
    try:
        r = f()
        return str(r)[:60]
    except Exception as e:
        return type(e).__name__
getcontext().traps[Overflow] = False
cases = [lambda: Decimal(10) ** Decimal('1e100'), lambda: Decimal(10) ** Decimal('1e999999'), lambda: Decimal('1.5') ** Decimal('-1e999999'),
         lambda: Decimal('1e999999999999999999'), lambda: Decimal('1e999999999999999999') + 1, lambda: Decimal('1e-999999999') * Decimal('1e-999999999'),
         lambda: Decimal(2) ** 100000000, lambda: Decimal('1.0000001') ** 123456789, lambda: Decimal(7) ** Decimal('12345678.5'),
         lambda: Decimal('1e500000').exp(), lambda: Decimal('-1e500000').exp(), lambda: Decimal('1e999999').ln(), lambda: Decimal('1e-999999').log10(),
         lambda: Decimal('1e999999').sqrt(), lambda: Decimal(1) / Decimal('1e-999999'), lambda: Decimal('9' * 5000) * Decimal('9' * 5000),
         lambda: Decimal('1e999999').quantize(Decimal(1)), lambda: Decimal('1e100000') // Decimal(3), lambda: Decimal('1e100000') % Decimal(3),
         lambda: format(Decimal('1e999999'), 'f')[:10], lambda: int(Decimal('1e5000')) % 7, lambda: hash(Decimal('1e999999')), lambda: Decimal('1e999999').to_integral_value(),
         lambda: Decimal('1e999999').normalize(), lambda: Decimal(3).scaleb(10**20), lambda: Decimal('0.5') ** Decimal('1e30'), lambda: Decimal('1e-999999999') + Decimal('1e999999999')]
for i, f in enumerate(cases):
    print(i, show(f), flush=True)
with localcontext(prec=6000):
    d = Decimal('7' * 5000) * Decimal('3' * 4900)
    print(len(str(d)), str(d)[:20], d.adjusted(), len(d.as_tuple().digits), hash(d) % 1000, str(Decimal(10 ** 4500 + 1))[-5:], len(format(d, 'e')))
