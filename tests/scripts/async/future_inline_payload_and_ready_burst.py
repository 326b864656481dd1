# Futures and tasks as objects (weak references, attributes, subclasses, reprs, never
# retrieved exceptions, cycles the collector frees) and the FIFO order of callback
# bursts large enough that the ready queue's buffer is given back between them.
import asyncio
import gc
import weakref


class MyFuture(asyncio.Future):
    pass


async def job(n):
    await asyncio.sleep(0)
    return n


async def boom():
    raise ValueError("boom")


async def sleeper():
    await asyncio.sleep(3600)


def handler(loop, ctx):
    print("handler:", ctx["message"], type(ctx["exception"]).__name__, type(ctx["future"]).__name__)


async def futures_as_objects():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    r = weakref.ref(f)
    print("weakref alive:", r() is f)
    f.note = "kept"
    print("attribute:", f.note, asyncio.isfuture(f))
    f.add_done_callback(lambda fut: print("done callback:", fut.result()))
    print("repr pending:", repr(f).split(" cb=")[0])
    f.set_result(42)
    await asyncio.sleep(0)
    print("repr done:", repr(f))
    del f
    gc.collect()
    print("weakref after del:", r())

    m = MyFuture()
    m.set_result("sub")
    print("subclass:", type(m).__name__, await m, asyncio.isfuture(m))

    t = asyncio.create_task(job(7), name="seven")
    ws = weakref.WeakSet([t])
    print("task in WeakSet:", len(ws), t.get_name(), t.get_coro() is t.get_coro())
    print("task result:", await t, t.done(), t in asyncio.all_tasks() or "not listed")

    # A task and a future holding each other.
    fut = loop.create_future()
    holder = asyncio.create_task(asyncio.wait_for(fut, 10))
    await asyncio.sleep(0)
    fut.task = holder
    holder.cancel()
    try:
        await holder
    except asyncio.CancelledError:
        print("holder cancelled:", holder.cancelled(), fut.cancelled())


async def unretrieved():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task failed:", t.done(), type(t.exception()).__name__)
    t2 = asyncio.create_task(boom())
    await asyncio.sleep(0)
    del t2
    gc.collect()
    f = loop.create_future()
    f.set_exception(KeyError("k"))
    del f
    gc.collect()
    await asyncio.sleep(0)
    loop.set_exception_handler(None)


async def bursts():
    loop = asyncio.get_running_loop()
    seen = []
    # A burst of 20 000 callbacks, then small batches: every one runs in FIFO order.
    for i in range(20000):
        loop.call_soon(seen.append, i)
    await asyncio.sleep(0)
    for i in range(20000, 20010):
        loop.call_soon(seen.append, i)
    await asyncio.sleep(0)
    print("first burst in order:", seen == list(range(20010)))
    # Bursts of tasks, each parking on a long sleep, cancelled in chunks.
    order = []

    async def step(i):
        order.append(i)
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            order.append(-i)
            raise

    for rnd in range(3):
        order.clear()
        tasks = [asyncio.create_task(step(i)) for i in range(1, 6001)]
        await asyncio.sleep(0)
        print("round", rnd, "started in order:", order == list(range(1, 6001)))
        order.clear()
        for k in range(0, 6000, 1500):
            chunk = tasks[k:k + 1500]
            for t in chunk:
                t.cancel()
            res = await asyncio.gather(*chunk, return_exceptions=True)
            print("  chunk", k, all(isinstance(r, asyncio.CancelledError) for r in res))
        print("round", rnd, "cancelled in order:", order == [-i for i in range(1, 6001)])
    # Interleaved call_soon and task wakeups after a trim keep their relative order.
    log = []

    async def mark(i):
        log.append(("t", i))

    for i in range(5000):
        loop.call_soon(log.append, ("c", i))
        if i % 1000 == 0:
            asyncio.create_task(mark(i))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("interleaved:", log[:3], log[1000:1003], len(log))


async def main():
    await futures_as_objects()
    await unretrieved()
    await bursts()


asyncio.run(main())
