# Values around the signed/unsigned 64-bit boundaries must not overflow.
MAX = 9223372036854775807
MIN = -9223372036854775808
print(MAX == 2 ** 63 - 1, MIN == -(2 ** 63))
print(MAX + 1, MIN - 1)
print(MAX * 2, MAX * MAX)
print(MIN * -1, -MIN, abs(MIN))
print(MIN // -1, MIN % -1)
print(MAX + MAX + 2 == 2 ** 64)
print(2 ** 64 - 1, 2 ** 64, -(2 ** 64))
print(MAX.bit_length(), MIN.bit_length(), (MAX + 1).bit_length())
print(MAX // 3, MAX % 1000, MIN // 7, MIN % 7)
print(4611686018427387904 * 2, 4611686018427387904 * 4)
print(3037000500 * 3037000500)
print(MAX - MIN)
x = MAX
x += 1
print(x, type(x).__name__)
print(1 << 63, 1 << 64, (1 << 63) >> 1, -1 << 63)
print(MAX ** 2 // MAX == MAX)
print(int(str(MAX + 1)) - 1 == MAX)
print(divmod(MIN, 10))
