def f(x):
    if x:
        return
    if x > 1:
        return x, 1
    raise ValueError("bad") from None
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise
    return *a, *b
