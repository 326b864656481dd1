# Exceptions raised in handlers get __context__ set automatically.
try:
    try:
        [][0]
    except IndexError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__), "cause:", e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("in finally")
except TypeError as e:
    print(repr(e), repr(e.__context__))
def chain3():
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise TypeError(2)
    except TypeError:
        raise KeyError(3)
try:
    chain3()
except KeyError as e:
    c = e
    names = []
    while c is not None:
        names.append(type(c).__name__ + str(c.args))
        c = c.__context__
    print(" <- ".join(names))
try:
    raise ValueError("no context")
except ValueError as e:
    print(e.__context__, e.__cause__)
