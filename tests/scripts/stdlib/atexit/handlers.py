import atexit


def report(tag, *, extra=""):
    print("exit handler", tag, extra)


def failing():
    print("failing handler runs")
    raise ValueError("ignored: the next handler still runs")


print(atexit.register(report, "first") is report)
atexit.register(report, "second", extra="kw")
atexit.register(failing)


@atexit.register
def decorated():
    print("decorated (registered last, runs first)")


atexit.register(report, "removed")
atexit.unregister(print)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main body done")
