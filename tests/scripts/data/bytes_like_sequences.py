# Sequence protocol shared by list/tuple/str/range/bytes.
seqs = [[1, 2, 3, 2], (1, 2, 3, 2), "abcb", range(1, 5), b"abcb"]
for s in seqs:
    print(type(s).__name__, len(s), s[1], s[-1], s[1:3], s.count(s[1]), s.index(s[1]))
print([len(x) for x in ([], (), "", range(0), b"")])
print(list(b"AZ"), tuple("hi"), "".join(["a", "b"]))
