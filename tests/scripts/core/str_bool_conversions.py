# str(), repr() and bool() conversions of primitives.
vals = [0, -12, 10 ** 20, 1.5, -0.0, 1e300, True, None, "hi", "", [1, "a"], (1,), (), {"k": 2.0}]
for v in vals:
    print(type(v).__name__, str(v), repr(v), bool(v))
print(str(), repr(str()), int(), float(), bool())
print(str(b"ab"), repr(b"ab"), str(-7.25), repr([None, True]))
