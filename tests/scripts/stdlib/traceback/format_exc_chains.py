# traceback.format_exc / format_exception: chained causes and contexts, as the uncaught report.
import traceback


def clean(text):
    return text.replace(__file__, "FILE")


def inner(x):
    return x / 0


def outer():
    try:
        inner(1)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e


def handler():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")


try:
    outer()
except ValueError as e:
    print(clean(traceback.format_exc()))
    print(clean("".join(traceback.format_exception(e, chain=False))))
    print(clean("".join(traceback.format_exception(type(e), e, e.__traceback__))))

try:
    handler()
except RuntimeError as e:
    print(clean("".join(traceback.format_exception(e))))

print(repr(traceback.format_exc()))
print(traceback.format_exception_only(ValueError("x")))
print(traceback.format_exception_only(KeyError, KeyError("k")))
