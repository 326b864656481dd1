# assert raises AssertionError with optional message (lazily evaluated).
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
calls = []
def msg():
    calls.append(1)
    return "m"
assert True, msg()
print(calls)
try:
    assert [], ("tuple", "msg")
except AssertionError as e:
    print(e.args)
