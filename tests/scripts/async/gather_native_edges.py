# gather's bookkeeping in every shape: duplicates, done futures, sleep objects, Future
# subclasses (plain and overriding), cancellation messages, callback order against other
# ready callbacks, and exceptions left in siblings after the outer future is done.
import asyncio

log = []


async def val(x, d=0):
    await asyncio.sleep(d)
    log.append(("val", x))
    return x


async def boom(msg, d=0):
    await asyncio.sleep(d)
    log.append(("boom", msg))
    raise ValueError(msg)


class Plain(asyncio.Future):
    pass


class Loud(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        log.append("Loud.add_done_callback")
        super().add_done_callback(fn)


async def main():
    loop = asyncio.get_running_loop()
    # Duplicates: one task, its result twice.
    c = val(1)
    print(await asyncio.gather(c, c, val(2)))
    t = asyncio.ensure_future(val(3))
    print(await asyncio.gather(t, t, t))
    # Already-done future and pending future mixed with coroutines and sleep objects.
    done = loop.create_future()
    done.set_result("done")
    pend = loop.create_future()
    loop.call_soon(pend.set_result, "later")
    print(await asyncio.gather(done, val("c"), asyncio.sleep(0.001, "slept"), pend, asyncio.sleep(0)))
    # Future subclasses: plain one, and one overriding add_done_callback.
    p, q = Plain(), Loud()
    loop.call_soon(p.set_result, "p")
    loop.call_soon(q.set_result, "q")
    print(await asyncio.gather(p, q), log.count("Loud.add_done_callback"))
    # Order of child callbacks against other ready callbacks.
    log.clear()
    f1, f2 = loop.create_future(), loop.create_future()
    g = asyncio.gather(f1, f2)
    g.add_done_callback(lambda _: log.append("outer done"))
    f1.add_done_callback(lambda _: log.append("f1 cb after gather's"))
    loop.call_soon(log.append, "soon")
    f2.set_result(2)
    f1.set_result(1)
    loop.call_soon(log.append, "soon2")
    print(await g, log)
    await asyncio.sleep(0)
    print(log)
    # First exception wins; siblings keep running; the later exception is retrieved.
    log.clear()
    try:
        await asyncio.gather(val("a", 0.002), boom("x"), boom("y", 0.001))
    except ValueError as e:
        print("raised", e)
    await asyncio.sleep(0.005)
    print(sorted(log))
    # return_exceptions with a cancelled child (with and without a message).
    a = asyncio.ensure_future(val("a", 1))
    b = asyncio.ensure_future(val("b", 1))
    g = asyncio.gather(a, b, boom("z"), val("ok"), return_exceptions=True)
    await asyncio.sleep(0)
    a.cancel("stop a")
    b.cancel()
    res = await g
    print([type(r).__name__ + ":" + repr(str(r)) for r in res])
    # Outer cancelled: the children are cancelled, gather raises CancelledError.
    g = asyncio.gather(val("s", 1), val("t", 1), return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel", g.cancel("outer msg"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args)
    # A cancelled child without return_exceptions.
    c1 = asyncio.ensure_future(val("c1", 1))
    g = asyncio.gather(c1, val("c2"))
    await asyncio.sleep(0)
    c1.cancel("child msg")
    try:
        await g
    except asyncio.CancelledError as e:
        print("child cancelled", e.args, g.cancelled(), g.done())
    # A gather of gathers, and its repr while pending.
    inner = asyncio.gather(val(5), val(6))
    print(await asyncio.gather(inner, asyncio.gather(val(7)), val(8)))
    # Not awaitable: the TypeError of ensure_future.
    try:
        asyncio.gather(val(9), 42)
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0.01)


asyncio.run(main())
