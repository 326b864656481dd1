# replace with count, translate/maketrans, encode round trip.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("zz", "y"))
print("aaa".replace("a", "aa"), "abc".replace("", "|", 2))
table = str.maketrans("abc", "xyz")
print("aabbcc-abc".translate(table))
print("hello world".translate(str.maketrans("", "", "lo")))
print("hello".translate({ord("h"): "J", ord("o"): None, ord("l"): "L"}))
print(str.maketrans({"a": "1"}) == {97: "1"})
