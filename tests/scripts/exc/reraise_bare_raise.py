# Bare raise re-raises the active exception; raise inside except keeps original.
def inner():
    raise ValueError("original")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it")
        raise
try:
    middle()
except ValueError as e:
    print("outer got", e, type(e).__name__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_other():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
try:
    reraise_other()
except ZeroDivisionError as e:
    print("reraised stored:", e)
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        raise
except KeyError as e:
    print("bare raise after nested handler:", repr(e))
