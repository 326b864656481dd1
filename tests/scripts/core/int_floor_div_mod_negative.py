# Floor division and modulo follow the sign of the divisor.
vals = [-9, -8, -7, -1, 0, 1, 7, 8, 9]
divs = [-4, -3, 3, 4]
for a in vals:
    row = []
    for d in divs:
        q, r = a // d, a % d
        assert q * d + r == a
        row.append("%d//%d=%d %%=%d" % (a, d, q, r))
    print(" | ".join(row))
print(-1 // 10 ** 30, -1 % 10 ** 30)
print(10 ** 30 // -7, 10 ** 30 % -7)
print(-(10 ** 25) // -(10 ** 12), -(10 ** 25) % -(10 ** 12))
