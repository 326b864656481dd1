# find/rfind/index/rindex/count/startswith/endswith.
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 9), s.find("dog"), s.find(""))
print(s.index("the"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""), s.count("at", 10))
print(s.startswith("the"), s.startswith(("a", "t")), s.startswith("cat", 4), s.endswith("mat"), s.endswith(("x", "y")))
print(s.endswith("sat", 0, 11), "".startswith(""), "abc".endswith(""))
try:
    s.index("dog")
except ValueError as e:
    print(e)
try:
    s.rindex("dog")
except ValueError as e:
    print(e)
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "abcabc".rfind("c", 0, 5))
