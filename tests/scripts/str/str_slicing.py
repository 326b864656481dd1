# String slicing.
s = "abcdefghij"
print(s[0:3], s[3:], s[:-2], s[-3:], s[::2], s[1::3], s[::-1], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[2:2 + 3])
word = "racecar"
print(word == word[::-1], "python"[::-1] == "nohtyp")
print(s[slice(2, None, 4)], "x"[0:1], repr(""[::-1]))
def rot(t, n):
    return t[n:] + t[:n]
print(rot(s, 3), rot(s, -2))
