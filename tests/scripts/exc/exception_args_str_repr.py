# Exception args, str() and repr() for various arities.
cases = [ValueError(), ValueError("msg"), ValueError("a", 2), ValueError(None), KeyError("k"),
         KeyError(), KeyError("a", "b"), IndexError(3), Exception(("t",)), OSError("plain"),
         StopIteration(42), SystemExit(3), RuntimeError(""), TypeError([1, 2])]
for e in cases:
    print(f"{type(e).__name__:14} args={e.args!r:20} str={str(e)!r:24} repr={e!r}")
e = ValueError("x")
e.args = ("changed", 1)
print(e, e.args)
print(StopIteration(42).value, SystemExit(3).code)
try:
    raise ValueError
except ValueError as err:
    print(repr(err), err.args)
