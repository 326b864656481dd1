# A generator's own exception state sits on top of its caller's: when its own is empty
# (its except block has ended, or it never had one) sys.exc_info() shows the caller's.
import sys

from _exc_state_helpers import started, under


def show(label):
    print(label, repr(sys.exception()), sys.exc_info()[0])


def ended_in_same_run():
    try:
        raise KeyError("own")
    except KeyError:
        yield 1
        show("  in own except:")
    show("  after own except:")
    yield 2
    show("  next run:")


print("except ends while resumed inside the caller's except")
it = started(ended_in_same_run)
under(ValueError("caller"), lambda: (next(it), show("  caller after:")))
show("caller outside:")
under(OSError("caller2"), lambda: next(it, None))
show("after finish:")


def entered_under_caller():
    show("  start:")
    try:
        raise KeyError("own")
    except KeyError:
        yield 1
        show("  own except, resumed outside:")
    show("  after own except:")
    yield 2
    show("  last:")


print("except entered while the caller handled one, left under another")
it = entered_under_caller()
under(ValueError("first caller"), lambda: next(it))
next(it)
under(TypeError("second caller"), lambda: next(it, None))
show("after:")


def bare_raise_after_yield():
    try:
        raise KeyError("own")
    except KeyError:
        yield 1
        raise


print("bare raise in the generator's except after a yield")
it = bare_raise_after_yield()
next(it)
try:
    raise ValueError("caller")
except ValueError:
    try:
        next(it)
    except KeyError as e:
        print("  got", repr(e), "context", repr(e.__context__))
show("after:")


def bare_raise_no_own():
    yield 1
    raise


print("bare raise in a generator with no own exception re-raises the caller's")
it = bare_raise_no_own()
next(it)
try:
    raise ValueError("caller")
except ValueError:
    try:
        next(it)
    except ValueError as e:
        print("  got", repr(e))
it = bare_raise_no_own()
next(it)
try:
    next(it)
except RuntimeError as e:
    print("  no caller:", e)


def yield_in_finally():
    try:
        yield 1
    finally:
        show("  finally:")
        yield 2
        show("  finally after yield:")


print("yield inside finally")
it = started(yield_in_finally)
under(ValueError("caller"), lambda: next(it))
under(TypeError("caller2"), lambda: next(it, None))


def new_exception_context():
    try:
        raise KeyError("own")
    except KeyError:
        yield 1
    yield 2
    raise IndexError("new")


print("a new exception after the own except ended chains to the caller's")
it = new_exception_context()
next(it)
next(it)
try:
    raise ValueError("caller")
except ValueError:
    try:
        next(it)
    except IndexError as e:
        print("  context", repr(e.__context__))


def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield "i1"
    show("  inner after except:")
    yield "i2"


def outer():
    try:
        raise OSError("outer")
    except OSError:
        yield from inner()
        show("  outer in except:")
    show("  outer after except:")
    yield "o"


print("yield from")
it = started(outer)
under(ValueError("caller"), lambda: (next(it), next(it), next(it, None)))
show("after:")
