# Raising inside an except* handler chains the new exception to the group.
def inner():
    raise ExceptionGroup("inner", [KeyError("k"), ValueError("v")])
try:
    inner()
except* KeyError:
    raise TypeError("while handling")
