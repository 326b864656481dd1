s = "hello"
print(str(s) is s, type(str(5)), str(-0), str(2**62), str(-2**63), str(2**64))
for x in [0, -1, 10**18, 1.5, -0.0, 1e16, 1e-5, float("inf"), float("nan"), True, None]:
    print(f"{x}", f"{x!s}", f"{x!r}", f"{x:}", "a" + str(x) + "b")
class S(str): pass
t = S("abc")
print(type(str(t)), str(t) == "abc", type(S(t)), repr(S(5)))
class I(int):
    def __str__(self): return "I!"
    def __format__(self, spec): return "F!"
print(f"{I(3)}", str(I(3)), f"{I(3)!s}")
print("é" + "ß", len("é" + "ß" + "x"), len(f"{'é'}{1}"), ("ab"*20 + "é")[-2:])
print(f"{'x'*30}{'y'*3}", len(f"{'x'*30}{'y'*3}"))
