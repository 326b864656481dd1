# Strings index by code point, not by byte.
s = "héllo wörld ✓ 𝄞!"
print(len(s), s[1], s[12], s[14], s[-1], s[-2])
print(s[::-1])
print(s[6:11], s.index("ö"), s.find("𝄞"), s.upper())
print([ord(c) for c in "aé✓𝄞"])
print(chr(233), chr(0x1D11E), chr(10003), "\u00e9" == "é", "\U0001d11e" == "𝄞")
print(len("𝄞"), len("𝄞".encode("utf-8")), len("é".encode()), len("e\u0301"))
for i, ch in enumerate("aö𝄞"):
    print(i, ch, hex(ord(ch)))
print("ö" in s, "wö" in s, s.count("l"), "✓" < "𝄞", "a" < "é")
print(list("日本語"), "日本語"[1:], "-".join("日本"))
