# int() parsing of strings with bases, underscores, whitespace, signs.
print(int("42"), int("-17"), int("+8"), int("  12  "), int("\t7\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8))
print(int("0o17", 0), int("0b101", 0), int("101", 2), int("z", 36), int("Zz", 36))
print(int("1_000_000"), int("0x_1f", 16), int("10", 0), int("-0b11", 0))
print(int(3.99), int(-3.99), int(True), int("0"), int("-0"), int("000"))
print(int("9" * 30))
print(int(b"123"), int(bytearray(b"-5")))
bad = [("", 10), ("12a", 10), ("1.5", 10), ("0x10", 10), ("2", 2), ("1__0", 10),
       ("_1", 10), ("08", 0), (" ", 10), ("abc", 16 + 0)]
for s, b in bad:
    try:
        print(int(s, b))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 37)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
