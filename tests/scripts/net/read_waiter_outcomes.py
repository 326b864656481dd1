# How a read that waits ends, with the reader fed by hand (no sockets): data, EOF, an
# exception, a cancel of the reading task, a wait_for timeout, a second reader, and the waiter
# futures a script can see (reader._waiter, task._fut_waiter) across many reads in a row.
import asyncio


async def reader_task(r, log, n=100):
    try:
        got = await r.read(n)
        log.append(("got", got))
    except asyncio.CancelledError:
        log.append(("cancelled", r._waiter))
        raise
    except Exception as e:
        log.append(("error", type(e).__name__, str(e)))


async def main():
    loop = asyncio.get_running_loop()

    # Data wakes the reader; the waiter the task parked on is the reader's.
    r = asyncio.StreamReader()
    log = []
    t = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    w = r._waiter
    print("parked on reader waiter:", t._fut_waiter is w, w.done())
    r.feed_data(b"abc")
    print("after feed:", w.done(), w.result(), r._waiter is w)
    await t
    print(log, r._waiter)

    # Many reads in a row: every waiter a script holds keeps its state.
    held = []
    out = []

    async def many():
        for _ in range(5):
            out.append(await r.read(10))

    t = asyncio.create_task(many())
    for i in range(5):
        await asyncio.sleep(0)
        held.append(r._waiter)
        r.feed_data(bytes([65 + i]))
    await t
    print(out, [h.done() for h in held], len({id(h) for h in held}))
    print([h.result() for h in held], [h.cancelled() for h in held])

    # EOF wakes it with b"".
    t = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    r.feed_eof()
    await t
    print(log[-1], r.at_eof())

    # An exception wakes it with the exception.
    r = asyncio.StreamReader()
    t = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    w = r._waiter
    r.set_exception(ValueError("boom"))
    await t
    print(log[-1], w.done(), type(w.exception()).__name__)

    # Cancel while waiting: the waiter is cancelled, the reader is usable after.
    r = asyncio.StreamReader()
    t = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    w = r._waiter
    print("cancel:", t.cancel("why"), w.cancelled(), t._fut_waiter is w)
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled", e.args)
    print(log[-1], r._waiter)
    r.feed_data(b"after")
    print(await r.read(100))

    # Cancel after the data arrived but before the task ran.
    t = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    w = r._waiter
    r.feed_data(b"late")
    print("late cancel:", t.cancel(), w.done(), w.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled after wake")
    print(log[-1], await r.read(100))

    # wait_for timing out, then the reader still reads.
    try:
        await asyncio.wait_for(r.read(10), 0.01)
    except asyncio.TimeoutError:
        print("timeout", r._waiter)
    r.feed_data(b"xyz")
    print(await asyncio.wait_for(r.read(10), 1))

    # Two tasks reading one reader.
    t1 = asyncio.create_task(reader_task(r, log))
    t2 = asyncio.create_task(reader_task(r, log))
    await asyncio.sleep(0)
    print(log[-1])
    r.feed_data(b"one")
    await t1
    await t2
    print(log[-1])

    # readexactly at EOF, readuntil past the limit.
    r = asyncio.StreamReader(limit=4)
    r.feed_data(b"12")
    r.feed_eof()
    try:
        await r.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial, e.expected)
    r = asyncio.StreamReader(limit=4)
    t = asyncio.create_task(r.readuntil(b"\n"))
    await asyncio.sleep(0)
    r.feed_data(b"123456")
    try:
        await t
    except asyncio.LimitOverrunError as e:
        print("overrun", e.consumed)

    # `not` of objects a handler might test.
    class B:
        def __bool__(self):
            return False

    class L:
        def __len__(self):
            return 2

    class Bad:
        def __bool__(self):
            raise KeyError("bool")

    print(not b"", not b"x", not B(), not L(), not None, not 0, not [], not bytearray(b"a"))
    try:
        not Bad()
    except KeyError as e:
        print("not raised", e)
    print(loop is asyncio.get_running_loop())


asyncio.run(main())
