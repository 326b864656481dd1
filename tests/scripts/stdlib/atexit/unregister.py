import atexit


def a():
    print("a")


def b():
    print("b")


class Handler:
    def __init__(self, name):
        self.name = name

    def __call__(self):
        print("handler", self.name)

    def __eq__(self, other):
        return isinstance(other, Handler) and other.name == self.name

    __hash__ = None


atexit.register(a)
atexit.register(b)
atexit.register(a)
atexit.register(Handler("x"))
atexit.register(Handler("y"))
atexit.unregister(a)
atexit.unregister(Handler("y"))


def nested():
    print("nested registers another")
    atexit.register(lambda: print("registered during exit"))


atexit.register(nested)
print("done")


def drop_b():
    print("drop_b unregisters b before it runs")
    atexit.unregister(b)


atexit.register(drop_b)
