# math functions: floor/ceil return ints, trunc, sqrt, pow, log, trig, factorial, comb.
import math
print(math.floor(2.7), math.floor(-2.1), math.ceil(2.1), math.ceil(-2.7), type(math.floor(1.5)).__name__)
print(math.floor(5), math.ceil(10 ** 20), math.trunc(-3.9), math.trunc(3.9))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30))
print(math.pow(2, 10), math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.tan(math.pi / 4), 12))
print(round(math.atan2(1, 1), 12), math.degrees(math.pi), math.radians(180), math.hypot(3, 4))
print(math.factorial(10), math.factorial(0), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.fabs(-2), math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.remainder(10, 3))
print(math.floor(-0.5), math.ceil(-0.5), math.dist((0, 0), (3, 4)))
