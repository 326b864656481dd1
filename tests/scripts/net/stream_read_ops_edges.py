# StreamReader.read/readline/readuntil/readexactly as awaitables: waiting, cancellation,
# a second waiter, an exception set while waiting, subclass overrides, arguments checked at
# the first step, the waiter cleared however a wait ends.
import asyncio


class Upper(asyncio.StreamReader):
    async def readuntil(self, separator=b"\n"):
        data = await super().readuntil(separator)
        return data.upper()


async def main():
    loop = asyncio.get_running_loop()
    r = asyncio.StreamReader()
    co = r.read(3)
    print(type(co).__name__, asyncio.iscoroutine(co), co.__qualname__, co.__name__)
    r.feed_data(b"abcdef")
    print(await co)
    print(await r.readexactly(2), r._waiter)

    # waiting: the task parks on the reader's waiter and wakes on feed_data
    t = asyncio.create_task(r.readuntil(b"!"))
    await asyncio.sleep(0)
    print("waiting", r._waiter is not None, repr(r._waiter)[:16])
    r.feed_data(b"x")
    await asyncio.sleep(0)
    print("still", t.done())
    r.feed_data(b"yz!rest")
    print(await t, r._waiter)

    # a second waiter is refused with CPython's message
    t = asyncio.create_task(r.readexactly(10))
    await asyncio.sleep(0)
    for co in (r.read(100), r.readline(), r.readuntil(b"?"), r.readexactly(9)):
        try:
            await co
        except RuntimeError as e:
            print("RuntimeError", e)
    # cancelling the waiting read clears the waiter; data stays buffered
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", r._waiter, r._buffer)

    # wait_for timing out a read
    try:
        await asyncio.wait_for(r.readline(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", r._waiter, bytes(r._buffer))

    # an exception set while a read waits is raised by that read
    t = asyncio.create_task(r.readexactly(50))
    await asyncio.sleep(0)
    r.set_exception(ValueError("boom"))
    try:
        await t
    except ValueError as e:
        print("raised", repr(e), r._waiter)
    try:
        await r.read(1)
    except ValueError as e:
        print("again", repr(e))

    # argument errors surface when awaited
    r2 = asyncio.StreamReader()
    r2.feed_data(b"line\nmore")
    for make in (lambda: r2.readuntil(5), lambda: r2.readuntil(b""), lambda: r2.readexactly("x"),
                 lambda: r2.readexactly(-1), lambda: r2.read("x")):
        try:
            co = make()
            print("made", type(co).__name__)
            await co
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print(await r2.readuntil(separator=b"\n"), await r2.read(n=2), await r2.read(0))
    r2.feed_eof()
    print(await r2.read(), await r2.read(5), await r2.readline(), r2.at_eof())
    try:
        await r2.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial, e.expected, e)

    # subclass override still used; super() reaches the native read
    u = Upper()
    u.feed_data(b"hello\nworld\nlast")
    print(await u.readuntil(), await u.readline())
    u.feed_eof()
    print("readline after eof", await u.readline())
    try:
        await u.readuntil()
    except asyncio.IncompleteReadError as e:
        print("partial", e.partial)
    u2 = Upper(limit=3)
    u2.feed_data(b"abcdef\nxy\n")
    try:
        await u2.readline()
    except ValueError as e:
        print("ValueError", e, bytes(u2._buffer), await u2.readline())

    # limit: readline turns LimitOverrunError into ValueError; readuntil keeps it
    s = asyncio.StreamReader(limit=4)
    s.feed_data(b"abcdefgh\nij")
    try:
        await s.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("overrun", e, e.consumed)
    try:
        await s.readline()
    except ValueError as e:
        print("ValueError", e, bytes(s._buffer))

    # driving a read by hand
    r3 = asyncio.StreamReader()
    co = r3.read(2)
    fut = co.send(None)
    print("yielded", type(fut).__name__, fut is r3._waiter)
    co.close()
    print("closed", r3._waiter)
    r3.feed_data(b"zz")
    co = r3.read(2)
    try:
        co.send(None)
    except StopIteration as e:
        print("stop", e.value)

    # async for over lines
    r4 = asyncio.StreamReader()
    loop.call_soon(r4.feed_data, b"a\nb\n")
    loop.call_soon(r4.feed_eof)
    print([line async for line in r4])


asyncio.run(main())
