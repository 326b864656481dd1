# gen.throw(E) into a generator suspended inside an except block: E's __context__ is the
# exception that block handles (CPython chains the generator's own exception state only).
import sys
import traceback

from _exc_state_helpers import started, under


def in_except():
    try:
        raise KeyError("own")
    except KeyError:
        yield 1
    yield 2


def no_except():
    yield 1


def report(label, e):
    print(label, repr(e), "context", repr(e.__context__), "cause", repr(e.__cause__))


def throw_report(it, e, label="  "):
    try:
        it.throw(e)
    except BaseException as x:
        report(label, x)


print("throw into a generator inside except")
throw_report(started(in_except), TypeError("thrown"))

print("same, while the caller handles another")
it = started(in_except)
under(ValueError("caller"), lambda: throw_report(it, TypeError("thrown")))

print("throw after the except ended")
it = started(in_except)
next(it)
throw_report(it, TypeError("thrown"))

print("throw into a generator never inside except, caller handling one")
it = started(no_except)
under(ValueError("caller"), lambda: throw_report(it, TypeError("thrown")))

print("throw the exception being handled itself")


def catches_own():
    try:
        raise KeyError("own")
    except KeyError as k:
        yield k


it = catches_own()
k = next(it)
try:
    it.throw(k)
except KeyError as e:
    report("  ", e)


def catches_thrown():
    try:
        raise KeyError("own")
    except KeyError:
        try:
            yield 1
        except TypeError as t:
            report("  caught inside:", t)
            yield 2


print("the generator catches the thrown exception")
it = catches_thrown()
next(it)
print("  ", it.throw(TypeError("thrown")))


def raises_from():
    try:
        raise KeyError("own")
    except KeyError:
        try:
            yield 1
        except TypeError as t:
            raise RuntimeError("wrapped") from t


print("raise from inside, traceback printed")
it = raises_from()
next(it)
try:
    it.throw(TypeError("thrown"))
except RuntimeError as e:
    report("  ", e)
    lines = traceback.format_exception(e)
    print("".join(l for l in lines if not l.startswith("  File") and not l.startswith("    ")))


def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1


def outer_plain():
    yield from inner()


def outer_except():
    try:
        raise OSError("outer")
    except OSError:
        yield from inner()


def outer_except_plain_inner():
    try:
        raise OSError("outer")
    except OSError:
        yield from no_except()


print("throw through yield from")
for make in (outer_plain, outer_except, outer_except_plain_inner):
    throw_report(started(make), TypeError("thrown"), "  " + make.__name__)

print("close inside except, exc_info afterwards")
it = started(in_except)
under(ValueError("caller"), lambda: (it.close(), print("  ", repr(sys.exception()))))
print("  ", repr(sys.exception()))
