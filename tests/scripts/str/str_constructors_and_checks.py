# str() on various objects, str methods on non-str args.
print(str(12), str(-1.5), str([1, "a"]), str({"k": (1,)}), str(None), str(True), str(b"x"), str(range(3)))
print(str("same") == "same", repr(str()), len(str(10 ** 50)))
class C:
    def __str__(self): return "C-str"
    def __repr__(self): return "C-repr"
print(str(C()), repr(C()), [C()], f"{C()}", "%s %r" % (C(), C()))
class OnlyRepr:
    def __repr__(self): return "only-repr"
print(str(OnlyRepr()), OnlyRepr())
class BadStr:
    def __str__(self): return 5
try:
    str(BadStr())
except TypeError as e:
    print(e)
try:
    "abc".startswith(1)
except TypeError as e:
    print(e)
try:
    "x".join("ab", "c")
except TypeError as e:
    print(e)
