# ExceptionGroup / BaseExceptionGroup construction, split, subgroup, derive.
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])
print(eg, repr(eg.message), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split(Exception)[1])
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg))
eg2 = BaseExceptionGroup("only ex", [ValueError()])
print(type(eg2).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", [KeyboardInterrupt()])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(repr(eg.derive([ZeroDivisionError()])))
print(str(ExceptionGroup("one", [ValueError()])))
