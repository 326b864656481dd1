# sys: version info, limits, platform facts, struct sequences, streams and exc_info.
import sys
print(type(sys.version).__name__, sys.version_info[:2] >= (3, 11), sys.version_info.major, sys.version_info.releaselevel)
print(tuple(sys.version_info)[:1], len(sys.version_info), sys.version_info > (3,), isinstance(sys.version_info, tuple))
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder in ("little", "big"), type(sys.platform).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits, sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
try:
    str(10 ** 2000)
except ValueError as e:
    print("ValueError", str(e)[:40])
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print(e)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exception())
print(sys.stdout.write("written\n"), sys.stderr.write(""))
print("__main__" in sys.modules, sys.modules["sys"] is sys, type(sys.path).__name__, type(sys.argv).__name__)
print(sys.intern("name") == "name", sys.getdefaultencoding())
