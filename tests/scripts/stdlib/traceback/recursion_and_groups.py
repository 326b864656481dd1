# Reports of deep recursion (repeated lines folded) and exception groups via traceback.
import traceback


def rec(n):
    return rec(n + 1)


try:
    rec(0)
except RecursionError as e:
    lines = traceback.format_exc().replace(__file__, "FILE").splitlines()
    print(lines[:5])
    print(lines[-4:])
    tb_lines = traceback.format_tb(e.__traceback__)
    print(tb_lines[-1])

try:
    raise ExceptionGroup("several", [ValueError(1), TypeError("two")])
except ExceptionGroup as eg:
    print(traceback.format_exc().replace(__file__, "FILE"))

try:
    try:
        raise ExceptionGroup("inner", [KeyError("k")])
    except* KeyError as g:
        raise RuntimeError("handler failed")
except RuntimeError:
    print(traceback.format_exc().replace(__file__, "FILE"))
