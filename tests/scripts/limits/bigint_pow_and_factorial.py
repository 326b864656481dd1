# Big-int arithmetic: 2**1000, factorial(200), digit sums, big division.
import math
p = 2 ** 1000
print(p)
print(len(str(p)), sum(int(c) for c in str(p)))
f = math.factorial(200)
print(len(str(f)), sum(map(int, str(f))), str(f)[:20], str(f).count("0"))
g = 1
for k in range(2, 201):
    g *= k
print(g == f, f % (10 ** 9 + 7), f // 10 ** 370)
trailing = len(str(f)) - len(str(f).rstrip("0"))
print("trailing zeros", trailing)
print(p // 3 ** 600, p % 3 ** 600 == p - (p // 3 ** 600) * 3 ** 600)
print((p - 1).bit_length(), p.bit_length(), math.isqrt(p) == 2 ** 500)
q = 7 ** 500
print(math.gcd(q * 12, q * 18) == 6 * q, str(q)[-10:], -q // 10 ** 400)
print(pow(3, 10 ** 6, 10 ** 9 + 7), int("1" * 500) % 9999991)
