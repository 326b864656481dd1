# cmath basics (finite arguments) and complex format specs.
import cmath
for z in [1 + 1j, -4, 3j, -1 - 1j, 0.5 - 2j, 1e-3 + 1e3j]:
    print(z, cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z))
print(cmath.rect(2, cmath.pi / 2), cmath.log(8, 2), cmath.log10(100j), cmath.isclose(1 + 1j, 1 + 1.0000000001j))
print(cmath.isfinite(1j), cmath.isinf(complex(cmath.inf, 0)), cmath.isnan(cmath.nanj), cmath.pi, cmath.e, cmath.infj)
try:
    cmath.log(0)
except ValueError as e:
    print("ValueError", e)
z = 1.5 - 2.25j
for spec in ["", ".2f", "10.1f", "<20", "^20.3", "+.3e", "g", ".3", "*>15", "+", " .1f", "#g", "e", ",.2f"]:
    print(repr(spec), repr(format(z, spec)), repr(format(3j, spec)), repr(format(complex(-0.0, 1), spec)))
for spec in ["010", "=10", "d", "%"]:
    try:
        format(z, spec)
    except ValueError as e:
        print("ValueError", e)
print(f"{z:.1f} {1j:>6} {complex(1e20, 1):e}")
