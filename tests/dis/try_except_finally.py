def f(d, k):
    try:
        v = d[k]
    except KeyError as e:
        v = None
    except (TypeError, ValueError):
        raise
    else:
        v += 1
    finally:
        print("done")
    return v
def g():
    try:
        return 1
    finally:
        print("cleanup")
def h():
    try:
        raise ValueError("x") from None
    except* ValueError as eg:
        pass
