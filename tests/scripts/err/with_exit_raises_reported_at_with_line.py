# __exit__ raising on a normal exit is reported at the `with` line (no carets), as in 3.11.
class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise ValueError("exit")


def f():
    with CM() as c:
        x = 1
        y = 2


print("start")
f()
