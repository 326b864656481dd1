# math: exact fsum, frexp/ldexp, remainder, hyperbolic and error functions, integer helpers.
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.frexp(0.0), math.frexp(-3.0), math.ldexp(0.75, 2), math.ldexp(1.0, -1074), math.modf(-2.5))
print(math.remainder(10, 3), math.remainder(11, 3), math.fmod(-10, 3), math.copysign(1.0, -0.0))
print(math.cosh(0), math.asinh(0), round(math.erf(1), 12), round(math.erfc(1), 12), math.gamma(5), math.lgamma(1))
print(math.isqrt(10 ** 40), math.gcd(0, 0), math.gcd(-12, 18), math.lcm(), math.lcm(3, 4, 6), math.comb(50, 25))
print(math.perm(6), math.perm(6, 0), math.prod([]), math.prod([2, 3], start=5), math.dist((0, 0), (3, 4)))
print(math.hypot(), math.hypot(3, 4, 12), math.log(2 ** 1000, 2), math.log10(10 ** 300), math.log2(8))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2 ** 70 + 0.0) == 2 ** 70, math.isfinite(1e308 * 10))
print(math.nextafter(1.0, 2.0) - 1.0 == math.ulp(1.0), math.ulp(0.0), math.cbrt(8), math.exp2(10))
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.acos, (2,)), (math.factorial, (-1,)), (math.exp, (1000,)),
                (math.isqrt, (-1,)), (math.sqrt, ("4",)), (math.floor, ("x",)), (math.comb, (-1, 2))]:
    try:
        print(f(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
