# The `as` target is deleted at the end of the except block.
e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def keep():
    saved = None
    try:
        raise KeyError("kept")
    except KeyError as exc:
        saved = exc
    return saved
print(repr(keep()))
