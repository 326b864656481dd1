# strip family, padding, zfill, expandtabs, removeprefix/suffix.
s = "  \t xx hi xx \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("www.site.com".lstrip("w.")))
print(repr("hi".center(8)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print(repr("long".center(2)), "42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(5))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("x"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
