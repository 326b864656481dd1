# Method calls on natively implemented objects (sets, bytes, exceptions, futures) from one
# call site: different receivers, an instance attribute shadowing the method, a subclass
# overriding it, and a class that replaces __getattribute__.
import asyncio


def call_add(s, x):
    s.add(x)
    return len(s)


def call_upper(b):
    return b.upper()


class MySet(set):
    def add(self, x):
        set.add(self, x * 10)


print([call_add(s, 3) for s in (set(), {1}, MySet(), set([3]))])
m = MySet()
call_add(m, 1)
call_add(m, 2)
print(sorted(m))

print([call_upper(b) for b in (b"ab", bytearray(b"cd"), b"ef")])


def done_of(f):
    return f.done()


class Loud(Exception):
    def __getattribute__(self, name):
        if name == "with_traceback":
            return lambda tb: "intercepted"
        return object.__getattribute__(self, name)


def with_tb(e):
    return e.with_traceback(None)


print([type(with_tb(e)).__name__ if not isinstance(with_tb(e), str) else with_tb(e)
       for e in (ValueError(1), Loud(), KeyError(2))])


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    futs[1].set_result(1)
    print([done_of(f) for f in futs])
    futs[2].done = lambda: "shadowed"
    print([done_of(f) for f in futs])
    del futs[2].done
    print([done_of(f) for f in futs])

    class MyFuture(asyncio.Future):
        def done(self):
            return "overridden"

    print([done_of(f) for f in (futs[0], MyFuture(), futs[1])])
    t = asyncio.create_task(asyncio.sleep(0))
    print(done_of(t))
    await t
    print(done_of(t))


asyncio.run(main())
