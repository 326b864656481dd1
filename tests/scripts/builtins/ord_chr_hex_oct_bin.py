# Number-to-string builtins.
for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 40, -(2 ** 64)]:
    print(n, hex(n), oct(n), bin(n))
print(ord("a"), chr(97), ord("€"), chr(8364))
for bad in [lambda: hex(1.5), lambda: bin("1"), lambda: oct(None)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(int(hex(3054), 16), int(oct(3054), 8), int(bin(3054), 2), int(bin(-5), 0))
