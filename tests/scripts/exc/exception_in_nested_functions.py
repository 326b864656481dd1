# An exception unwinds through several frames; handlers at different depths.
def level3(x):
    return {"a": 1}[x]
def level2(x):
    try:
        return level3(x)
    except TypeError:
        return "level2 handled TypeError"
def level1(x):
    try:
        return level2(x)
    except KeyError as e:
        return f"level1 handled KeyError {e}"
print(level1("a"))
print(level1("b"))
print(level1(["unhashable"]))
try:
    print(level3("b"))
except Exception as e:
    print("top handled", type(e).__name__, e)
def cleanup_stack(n):
    try:
        if n == 0:
            raise LookupError("bottom")
        cleanup_stack(n - 1)
    finally:
        print("  unwinding", n)
try:
    cleanup_stack(3)
except LookupError as e:
    print("caught", e)
