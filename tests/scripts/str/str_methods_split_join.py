# split/rsplit/splitlines/partition/join.
s = "  alpha  beta\tgamma\n delta  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("line1\nline2\r\nline3\rline4".splitlines(), "x\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(str(i) for i in range(3)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
print("a  b".split(" "), "1 2 3".split(maxsplit=1))
