# Unhandled parts of a group propagate as a new group; nesting keeps structure.
try:
    try:
        raise ExceptionGroup("outer", [ValueError("v"), TypeError("t"), ExceptionGroup("inner", [KeyError("k"), ValueError("v2")])])
    except* ValueError as g:
        print("handled:", repr(g))
except ExceptionGroup as rest:
    print("remaining:", repr(rest))
    print([type(x).__name__ for x in rest.exceptions])
try:
    try:
        raise ExceptionGroup("eg", [OSError("o")])
    except* OSError:
        raise
except ExceptionGroup as g:
    print("bare raise in except* re-raises:", repr(g))
try:
    try:
        raise ExceptionGroup("eg", [ValueError("x")])
    except* ValueError:
        raise RuntimeError("new one")
except ExceptionGroup as g:
    print("raised inside except*:", repr(g), repr(g.exceptions[0].__context__))
except RuntimeError as r:
    print("RuntimeError directly", r)
