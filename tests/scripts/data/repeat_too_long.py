# Repetition past the largest size: str and bytes raise OverflowError, list/tuple/bytearray
# MemoryError, as CPython 3.11 does.
for seq in ["ab", b"ab", bytearray(b"ab"), [1, 2], (1, 2), "a", b"a"]:
    for n in [2**62, 2**63 - 1]:
        try:
            seq * n
        except (OverflowError, MemoryError) as e:
            print(type(seq).__name__, n, type(e).__name__, e)
print("x" * 0, b"y" * -3, [] * 2**62)
