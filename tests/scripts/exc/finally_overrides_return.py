# finally can override return values and swallow exceptions.
def f():
    try:
        return "try"
    finally:
        return "finally"
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def h():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "end"
def k():
    x = "before"
    try:
        return x
    finally:
        x = "changed in finally"
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("  finally at", n)
    return n
print(f(), g(), h(), k(), counter())
