# A suspended generator that is part of cyclic garbage is closed when the cycle is
# collected: its finally clauses and with-exits run, as when it is freed normally.
import gc


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__)
        return False


def with_finally(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally ran for", tag)


def with_resource(tag):
    with Resource(tag):
        yield "a"
        yield "b"


def plain():
    yield 1
    yield 2
    print("never printed")


gc.collect()


def cycle_through_list(gen):
    next(gen)
    holder = [gen]
    holder.append(holder)


cycle_through_list(with_finally("list"))
print("collecting 1")
print("found:", gc.collect() > 0)

cycle_through_list(with_resource("res"))
print("collecting 2")
print("found:", gc.collect() > 0)

cycle_through_list(plain())
print("collecting 3")
print("found:", gc.collect() > 0)


def self_referencing():
    me = yield "started"
    try:
        yield me
    finally:
        print("self-referencing generator closed")


def cycle_through_itself():
    g = self_referencing()
    next(g)
    g.send(g)


cycle_through_itself()
print("collecting 4")
print("found:", gc.collect() > 0)

# A generator still referenced is left alone.
kept = with_finally("kept")
next(kept)
ring = [kept]
ring.append(ring)
print("collecting 5")
print("found:", gc.collect())
print(next(kept))
