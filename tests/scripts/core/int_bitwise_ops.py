# Bitwise operators on ints, including negatives and big ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12)
print(-1 >> 10, -1024 >> 3, -7 >> 1, 7 >> 1)
print(1 << 100, (1 << 100) >> 99)
print((2 ** 80 - 1) & 0xFFFF, (2 ** 80) | 1, (2 ** 80 + 5) ^ (2 ** 80))
print(-(2 ** 70) & 0xFF, -(2 ** 70) >> 60)
print(bin(0b1111 & ~0b0101), bin(-5), bin(-5 & 0xFF))
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True << 3, ~True)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
x = 0b1111_0000
x &= 0b1010_1010; print(bin(x))
x |= 1; print(bin(x))
x ^= 0xFF; print(bin(x))
x <<= 4; print(x)
x >>= 6; print(x)
print((255).bit_count() if hasattr(int, "bit_count") else 8, (-255).bit_count())
