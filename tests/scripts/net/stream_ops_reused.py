# Finished read and drain() awaitables are reused by gyre only when nothing can see them:
# ones the script still holds keep their identity and names, and awaiting them again is
# CPython's "cannot reuse" error; reads and drains on several connections interleave.
import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()


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


async def held_ops(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    kept = []
    for word in ["a", "b", "c"]:
        d = writer.drain()
        writer.write(word.encode() + b"\n")
        await d
        r = reader.readline()
        print("line:", await r)
        kept.append((r, d))
    # Fresh reads and drains while the old ones are held.
    for word in ["x", "y"]:
        writer.write(word.encode() + b"\n")
        await writer.drain()
        print("line:", await reader.readuntil(b"\n"))
    ids = {id(o) for pair in kept for o in pair}
    print("held ops distinct:", len(ids) == 6)
    for r, d in kept:
        print(r.__qualname__, d.__qualname__)
        for op in (r, d):
            try:
                await op
            except RuntimeError as e:
                print("again:", e)
    e = reader.readexactly(2)
    writer.write(b"ok\n")
    print("exactly:", await e)
    try:
        await e
    except RuntimeError as exc:
        print("exactly again:", exc)
    print("rest:", await reader.readline())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(*(client(port, t, 20) for t in "pqrs"))
    for t, got in zip("pqrs", results):
        print(t, got == [f"{t}-{i}".upper() for i in range(20)], got[:2])
    await held_ops(port)
    server.close()
    await server.wait_closed()


asyncio.run(main())
