# gyre renews a stream reader's finished waiter future for its next wait only when nothing
# else can see it: waiters the script holds (or watches with a weakref) keep their identity
# and state while more reads run, a weakly watched one dies when the script drops it, a
# cancelled read leaves a working reader, and a Future subclass awaited by a task is freed
# after the task's step, as in CPython.
import asyncio
import gc
import weakref


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()


async def waiter_of(reader, writer, line):
    """Starts a read, returns (its waiter, the read's task), then sends `line`."""
    t = asyncio.ensure_future(reader.readline())
    await asyncio.sleep(0)
    w = reader._waiter
    writer.write(line)
    await writer.drain()
    return w, t


async def held_waiters(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    kept = []
    for word in [b"a\n", b"b\n", b"c\n"]:
        w, t = await waiter_of(reader, writer, word)
        print("pending while waiting:", w.done(), type(w).__name__)
        print("line:", await t)
        kept.append(w)
    kept[1].tag = "mine"
    for word in [b"x\n", b"y\n", b"z\n"]:
        writer.write(word)
        await writer.drain()
        print("line:", await reader.readline())
    print("held distinct:", len({id(w) for w in kept}) == 3)
    for w in kept:
        print("held:", w.done(), w.cancelled(), w.result(), getattr(w, "tag", None))
    print("reader waiter now:", reader._waiter)
    writer.close()
    await writer.wait_closed()


async def watched_waiter(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    w, t = await waiter_of(reader, writer, b"w\n")
    print("line:", await t)
    ref = weakref.ref(w)
    del w
    gc.collect()
    print("watched waiter freed:", ref() is None)
    w, t = await waiter_of(reader, writer, b"v\n")
    ref = weakref.ref(w)
    print("line:", await t)
    del w
    for word in [b"u\n", b"t\n"]:
        writer.write(word)
        await writer.drain()
        print("line:", await reader.readline())
    print("watched waiter freed after reads:", ref() is None)
    writer.close()
    await writer.wait_closed()


async def cancelled_read(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(2):
        t = asyncio.ensure_future(reader.readline())
        await asyncio.sleep(0)
        w = reader._waiter
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print("read cancelled; waiter cancelled:", w.cancelled(), reader._waiter)
    writer.write(b"after\n")
    await writer.drain()
    print("line:", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def client(port, tag, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = []
    for i in range(n):
        writer.write(f"{tag}-{i}\n".encode())
        await writer.drain()
        got.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return got


class F(asyncio.Future):
    def __del__(self):
        print("F freed")


async def subclass_future_freed_after_step():
    loop = asyncio.get_running_loop()

    def make():
        f = F()
        loop.call_soon(f.set_result, "v")
        return f

    print("got", await make())
    print("the step goes on")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await held_waiters(port)
    await watched_waiter(port)
    await cancelled_read(port)
    results = await asyncio.gather(*(client(port, t, 30) for t in "pqrs"))
    for t, got in zip("pqrs", results):
        print(t, got == [f"{t}-{i}".upper() for i in range(30)])
    await asyncio.create_task(subclass_future_freed_after_step())
    print("task done")
    server.close()
    await server.wait_closed()


asyncio.run(main())
