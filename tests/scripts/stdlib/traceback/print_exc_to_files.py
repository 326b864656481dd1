# traceback.print_exc / print_exception / print_tb write to a file or sys.stderr.
import io
import sys
import traceback


def fail(kind):
    if kind == "type":
        return len(5)
    raise ValueError("bad value: %r" % kind)




class Clean:
    # A file-like object that hides the checkout path of this script.
    def write(self, s):
        sys.stdout.write(s.replace(__file__, "FILE"))


try:
    fail("type")
except TypeError:
    traceback.print_exc(file=Clean())

try:
    fail("v")
except ValueError as e:
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    print(buf.getvalue().replace(__file__, "FILE"))
    buf = io.StringIO()
    traceback.print_tb(e.__traceback__, file=buf)
    print(buf.getvalue().replace(__file__, "FILE"))
    traceback.print_exception(type(e), e, e.__traceback__, limit=1, file=Clean())

traceback.print_exc(file=sys.stdout)
try:
    traceback.print_exception(ValueError, ValueError())
except ValueError as e:
    print("ValueError:", e)
try:
    traceback.format_exception(42)
except TypeError as e:
    print("TypeError:", e)
