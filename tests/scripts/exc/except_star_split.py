# except* splits an ExceptionGroup by type.
def run(eg):
    try:
        raise eg
    except* ValueError as g:
        print("  ValueError part:", repr(g.exceptions))
    except* (TypeError, KeyError) as g:
        print("  Type/Key part:", [type(x).__name__ for x in g.exceptions])
    except* Exception as g:
        print("  rest:", g.exceptions)
print("group 1")
run(ExceptionGroup("g1", [ValueError(1), TypeError(2), ValueError(3), KeyError(4), OSError(5)]))
print("group 2")
run(ExceptionGroup("g2", [TypeError("t")]))
print("plain exception")
run(ValueError("naked"))
try:
    raise ExceptionGroup("msg", [ValueError("a")])
except* ValueError as g:
    print(type(g).__name__, g.message, str(g), repr(g))
