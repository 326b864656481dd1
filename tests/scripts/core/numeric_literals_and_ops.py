# Numeric literal forms and operator results for small edge cases.
print(0, 00, 0_0, 1_2_3, 0x_A, 0o_7, 0b_1)
print(1., .25, 1e3, 1E+3, 1e-0, 1_0.5_0, 0.000_001)
print(type(1e3).__name__, 1e3 == 1000)
print(10 % 3, -10 % 3, 10 % -3, 10.5 % 3, -10.5 % 3)
print(5 // 0.3, 5 % 0.3)
print(2 ** 62 + 2 ** 62, 2 ** 63 + 2 ** 63)
print(123 .bit_length(), (123).real, (123).imag, (123).numerator, (123).denominator)
print((3.5).real, int.__name__, float.__name__)
print((10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print((-1).to_bytes(2, "big", signed=True), (1024).to_bytes(4, "little"))
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)
