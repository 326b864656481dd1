# gyre only: CPython 3.11 itself overflows its C stack (segfault) on these; gyre must raise
# RecursionError. Regression: advancing map/filter/zip/enumerate objects wrapped 200000
# deep recursed in Rust once per level until the stack overflowed.
DEPTH = 200000
makers = [("map", lambda it: map(abs, it)), ("filter", lambda it: filter(None, it)),
          ("zip", lambda it: zip(it)), ("enumerate", lambda it: enumerate(it))]
for name, make in makers:
    x = iter([1])
    for _ in range(DEPTH):
        x = make(x)
    try:
        next(x)
        print(name, "no error")
    except RecursionError:
        print(name, "RecursionError")
    del x
# Shallow nesting still works.
x = iter([1, 2, 3])
for _ in range(50):
    x = map(abs, x)
print(list(x))
