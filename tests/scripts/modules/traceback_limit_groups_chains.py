# traceback.format_exception / print_exception / print_exc with limit: at most that many
# entries of each traceback (outermost first; the innermost when negative), applied to
# chained exceptions and to the members of exception groups, which keep their boxes.
import io
import sys
import traceback


def show(text):
    print(text.replace(__file__, "FILE"), end="")


def printed(exc, **kw):
    buf = io.StringIO()
    traceback.print_exception(exc, file=buf, **kw)
    show(buf.getvalue())


def inner(exc):
    raise exc


def middle(exc):
    inner(exc)


def outer(exc):
    middle(exc)


def caught(exc):
    try:
        outer(exc)
    except BaseException as e:
        return e


def group():
    members = [caught(ValueError("a")), caught(TypeError("b"))]
    try:
        raise ExceptionGroup("two", members)
    except ExceptionGroup as eg:
        return eg


def chained():
    try:
        outer(KeyError("first"))
    except KeyError:
        try:
            outer(RuntimeError("second"))
        except RuntimeError as e:
            return e


for limit in (None, 0, 1, 2, -1, -2):
    print("=== limit", limit)
    show("".join(traceback.format_exception(caught(ValueError("plain")), limit=limit)))
    print("--- chained")
    printed(chained(), limit=limit)
    print("--- group")
    printed(group(), limit=limit)

print("=== print_exc / format_exc")
try:
    outer(IndexError("exc"))
except IndexError:
    buf = io.StringIO()
    traceback.print_exc(limit=1, file=buf)
    show(buf.getvalue())
    show(traceback.format_exc(limit=-1))
    show("".join(traceback.format_exception(*sys.exc_info(), limit=2)))
