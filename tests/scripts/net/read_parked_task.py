# A task waiting in a stream read, looked at only after the wait started (or never): the
# order of its wake-up among other callbacks, a cancel while it waits (with and without a
# message, twice, after the data arrived), wait_for timeouts around reads, its _fut_waiter
# and repr mid-wait, the reader's _waiter and repr mid-wait, two readers, EOF and
# set_exception while it waits, gather of readers, _wakeup_waiter by hand, a send into its
# coroutine by hand, and reads on loops run in turn.
import asyncio


def fmt(x):
    return type(x).__name__ if isinstance(x, BaseException) else x


async def read_logged(r, log, name, n=100):
    try:
        got = await r.read(n)
        log.append((name, "got", got))
        return got
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    except Exception as e:
        log.append((name, "error", type(e).__name__, str(e)))
        raise


async def order():
    loop = asyncio.get_running_loop()
    log = []
    r = asyncio.StreamReader()
    t = asyncio.create_task(read_logged(r, log, "a"))
    await asyncio.sleep(0)
    loop.call_soon(log.append, "before feed")
    r.feed_data(b"x")
    loop.call_soon(log.append, "after feed")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await t
    print("order:", log)

    # Two readers fed in turn, the second first.
    log = []
    r1, r2 = asyncio.StreamReader(), asyncio.StreamReader()
    t1 = asyncio.create_task(read_logged(r1, log, "r1"))
    t2 = asyncio.create_task(read_logged(r2, log, "r2"))
    await asyncio.sleep(0)
    r2.feed_data(b"2")
    loop.call_soon(log.append, "between")
    r1.feed_data(b"1")
    await asyncio.gather(t1, t2)
    print("two readers:", log)


async def cancels():
    log = []
    r = asyncio.StreamReader()
    t = asyncio.create_task(read_logged(r, log, "c1"))
    await asyncio.sleep(0)
    print("cancel:", t.cancel(), t.cancelling(), t.cancel("again"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args, t.cancelled())
    print(log, r._waiter)
    r.feed_data(b"still usable")
    print(await r.read(100))

    t = asyncio.create_task(read_logged(r, log, "c2"))
    await asyncio.sleep(0)
    print("cancel msg:", t.cancel("bye"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)

    # Data arrived, then the cancel before the wake-up: the task throws CancelledError into
    # the read (the data stays buffered).
    t = asyncio.create_task(read_logged(r, log, "c3"))
    await asyncio.sleep(0)
    r.feed_data(b"late")
    print("cancel after data:", t.cancel())
    try:
        print("result", await t)
    except asyncio.CancelledError:
        print("cancelled; buffered", r._buffer)
    print(await r.read(100))

    # A task cancelled while it runs, then reading: the cancel goes to the read's waiter.
    async def self_cancel():
        asyncio.current_task().cancel("self")
        return await r.read(10)

    t = asyncio.create_task(self_cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("self-cancelled", e.args, r._waiter)

    # Uncancel of a task that goes on reading.
    async def stubborn():
        try:
            await r.read(10)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            return await r.read(10)

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("uncancelled:", t.cancelling(), t.done())
    r.feed_data(b"after uncancel")
    print(await t)
    print(log)


async def timeouts():
    r = asyncio.StreamReader()
    for i in range(3):
        try:
            await asyncio.wait_for(r.read(10), 0.01)
        except asyncio.TimeoutError:
            print("timeout", i, r._waiter)
    loop = asyncio.get_running_loop()
    loop.call_later(0.01, r.feed_data, b"in time")
    print(await asyncio.wait_for(r.readline() if False else r.read(10), 1))
    # A read inside a timeout block.
    try:
        async with asyncio.timeout(0.01):
            await r.readexactly(3)
    except TimeoutError:
        print("timeout block", r._waiter)
    r.feed_data(b"abc")
    print(await r.readexactly(3))


async def looked_at():
    log = []
    r = asyncio.StreamReader()
    t = asyncio.create_task(read_logged(r, log, "l1"))
    await asyncio.sleep(0)
    print("task repr:", repr(t).split(" coro=")[0], "wait_for=<Future pending" in repr(t))
    w = t._fut_waiter
    print("fut_waiter:", w, w is r._waiter)
    w.add_done_callback(lambda f: log.append(("script cb", f.result())))
    r.feed_data(b"seen")
    await t
    print(log)

    log = []
    t = asyncio.create_task(read_logged(r, log, "l2"))
    await asyncio.sleep(0)
    print("reader repr:", repr(r).startswith("<StreamReader waiter=<Future pending"))
    r.feed_data(b"x")
    print("after feed, fut_waiter:", t._fut_waiter, repr(t).split(" wait_for=")[1])
    await t
    print(log)

    # Woken, then looked at before the step.
    t = asyncio.create_task(read_logged(r, log, "l3"))
    await asyncio.sleep(0)
    r.feed_data(b"y")
    print("woken:", t._fut_waiter.done(), t._fut_waiter.result(), r._waiter)
    await t


async def eof_and_errors():
    log = []
    r = asyncio.StreamReader()
    t = asyncio.create_task(read_logged(r, log, "e1"))
    await asyncio.sleep(0)
    r.feed_eof()
    await t
    print(log[-1], r.at_eof(), r.exception())

    r = asyncio.StreamReader()
    t = asyncio.create_task(read_logged(r, log, "e2"))
    await asyncio.sleep(0)
    r.set_exception(ValueError("boom"))
    try:
        await t
    except ValueError as e:
        print("raised", e, fmt(r.exception()))
    print(log[-1])

    r = asyncio.StreamReader()
    t = asyncio.create_task(r.readexactly(2))
    await asyncio.sleep(0)
    r.feed_data(b"z")
    r._wakeup_waiter()
    await asyncio.sleep(0)
    print("woken by hand:", t.done(), r._waiter is not None)
    r.feed_data(b"z")
    print(await t)

    # readuntil woken by pieces, then EOF with a partial line.
    r = asyncio.StreamReader()

    async def lines():
        out = []
        try:
            while True:
                out.append(await r.readuntil(b"\n"))
        except asyncio.IncompleteReadError as e:
            out.append(("partial", e.partial))
        return out

    t = asyncio.create_task(lines())
    for piece in [b"ab", b"c\nd", b"e\n", b"f"]:
        await asyncio.sleep(0)
        r.feed_data(piece)
    await asyncio.sleep(0)
    r.feed_eof()
    print(await t)


async def gathered():
    readers = [asyncio.StreamReader() for _ in range(4)]
    log = []
    g = asyncio.gather(*(read_logged(r, log, i) for i, r in enumerate(readers)), return_exceptions=True)
    await asyncio.sleep(0)
    readers[2].feed_data(b"two")
    readers[0].feed_eof()
    readers[3].set_exception(OSError("three"))
    await asyncio.sleep(0)
    readers[1].feed_data(b"one")
    print([fmt(x) for x in await g])
    print(log)

    # A gather cancelled while its children wait.
    g = asyncio.gather(*(r.read(5) for r in readers[1:3]))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", [r._waiter for r in readers])


async def by_hand():
    r = asyncio.StreamReader()

    async def inner():
        return await r.read(5)

    c = inner()
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    # A send into the coroutine by hand while the task waits: the future is yielded again.
    y = c.send(None)
    print("sent by hand:", type(y).__name__, y is r._waiter, y.done())
    r.feed_data(b"hand")
    print(await t)

    # A read driven by hand inside a task, its future then awaited.
    op = r.read(3)
    fut = op.send(None)
    print("by hand:", type(fut).__name__, fut is r._waiter, fut.done())
    r.feed_data(b"abc")
    await fut
    try:
        op.send(None)
    except StopIteration as e:
        print("op returned", e.value)


async def on_loop(data):
    r = asyncio.StreamReader()
    asyncio.get_running_loop().call_later(0.001, r.feed_data, data)
    return await r.read(10), r._waiter


def two_loops():
    # Loops in turn, each with its own readers (a reader belongs to its loop).
    for data in [b"first", b"second", b"third"]:
        loop = asyncio.new_event_loop()
        try:
            print(loop.run_until_complete(on_loop(data)))
        finally:
            loop.close()


for f in [order, cancels, timeouts, looked_at, eof_and_errors, gathered, by_hand]:
    print("--", f.__name__)
    asyncio.run(f())
print("-- two_loops")
two_loops()
