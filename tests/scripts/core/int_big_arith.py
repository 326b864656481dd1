# Arbitrary-precision integers.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(b - a)
print(a - b)
print(a * b)
print(b // a, b % a)
print(a ** 3)
print(-a * b)
print(2 ** 256 - 1)
print(hex(2 ** 130), oct(3 ** 50), bin(2 ** 70 + 1))
print((10 ** 40) // (10 ** 20 + 1))
print(int("9" * 60) + 1 == 10 ** 60)
print(abs(-(7 ** 77)) % 1000000)
n = 1
for k in range(1, 31):
    n *= k
print(n, len(str(n)))
print(a == 123456789012345678901234567890, a < b, -b < -a)
print(sum(range(10 ** 12, 10 ** 12 + 5)))
