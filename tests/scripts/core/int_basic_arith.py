# Basic integer arithmetic and operator precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a, +a, -(-a), ~a)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 10 - 3 - 2, 100 // 10 // 3)
print(7 * 6 // 4 % 5, 1 + 2 - 3 + 4 - 5)
x = 10
x += 3; print(x)
x -= 20; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 5; print(x)
print(0 * 12345, 1 * -0, 0 - 0)
print(1_000 + 2_000_000, 0xff, 0o777, 0b1011, 0XAB, 0O17, 0B11)
print(type(7 / 7), 7 / 7, 6 / 4, -6 / 4)
