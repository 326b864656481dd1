# A future's result and exception share one slot, its loop is held as an object, a task's
# coroutine and awaited future likewise: every way of reading them back.
import asyncio
import gc

for bad in (5, "loop", 1.5):
    try:
        asyncio.Future(loop=bad)
    except AttributeError as e:
        print("Future(loop=%r):" % (bad,), type(e).__name__, e)


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.get_loop() is loop, f._loop is loop)
    f.set_result(None)
    print(f.result(), f.exception(), repr(f))
    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    print(type(g.exception()).__name__, repr(g))
    try:
        g.result()
    except ValueError as e:
        print("result() raised", e)
    h = loop.create_future()
    h.set_result(ValueError("a result, not an exception"))
    print(h.exception(), repr(h.result()))
    try:
        h.set_exception(KeyError(1))
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)

    blocker = loop.create_future()

    async def waiter():
        return await blocker

    t = asyncio.create_task(waiter())
    print(t._fut_waiter, t._coro.__name__)
    await asyncio.sleep(0)
    w = t._fut_waiter
    print(type(w).__name__, w is blocker, w.done())
    print(repr(t).split(" wait_for=")[1])
    t.cancel()
    await asyncio.sleep(0)
    print(w.cancelled(), t._fut_waiter, t.cancelled())

    # A task that failed, dropped without anyone retrieving its exception.
    async def fails():
        raise RuntimeError("nobody looks")

    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    t2 = asyncio.create_task(fails())
    await asyncio.sleep(0)
    del t2
    gc.collect()
    await asyncio.sleep(0)

    # An abandoned cycle: a task waiting on a future only it can reach.
    async def waits_forever():
        await loop.create_future()

    t3 = asyncio.create_task(waits_forever())
    await asyncio.sleep(0)
    print(t3._fut_waiter.done(), t3.get_coro().__name__)
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("cancelled", t3.get_coro().cr_frame)


asyncio.run(main())
