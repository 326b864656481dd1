# The order of callbacks around a stream read's wake-up, with the client and the server in
# the same loop: what the woken task schedules with call_soon and call_later(0), the other
# connection read in the same iteration, the peer's wake-up by the reply, and a writer
# callback of the same loop that runs every iteration.
import asyncio
import socket

log = []


def note(what):
    log.append(what)


async def handler(reader, writer):
    loop = asyncio.get_running_loop()
    name = (await reader.readline()).decode().strip()
    while True:
        line = await reader.readline()
        if not line:
            break
        note(f"{name} woke: {line.decode().strip()}")
        loop.call_soon(note, f"{name} soon")
        loop.call_later(0, note, f"{name} timer")
        writer.write(b"re " + line)
    writer.close()


async def client(port, name, rounds, started, go):
    loop = asyncio.get_running_loop()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name.encode() + b"\n")
    started.set_result(None) if not started.done() else None
    await go.wait()
    for i in range(rounds):
        writer.write(f"{name}-{i}\n".encode())
        line = await reader.readline()
        note(f"client {name} got {line.decode().strip()}")
        loop.call_soon(note, f"client {name} soon")
    writer.close()
    await writer.wait_closed()


async def two_clients(port):
    go = asyncio.Event()
    s1, s2 = asyncio.get_running_loop().create_future(), asyncio.get_running_loop().create_future()
    t1 = asyncio.create_task(client(port, "a", 3, s1, go))
    await s1
    t2 = asyncio.create_task(client(port, "b", 3, s2, go))
    await s2
    for _ in range(5):
        await asyncio.sleep(0)
    log.clear()
    go.set()
    await asyncio.gather(t1, t2)
    for _ in range(5):
        await asyncio.sleep(0)
    print("two clients:")
    for line in log:
        print("   ", line)


async def with_a_writer_callback(port):
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    ticks = [0]

    def writable():
        ticks[0] += 1
        note(f"writable {ticks[0]}")

    started, go = loop.create_future(), asyncio.Event()
    task = asyncio.create_task(client(port, "w", 2, started, go))
    await started
    for _ in range(5):
        await asyncio.sleep(0)
    log.clear()
    loop.add_writer(a, writable)
    go.set()
    await task
    loop.remove_writer(a)
    for _ in range(5):
        await asyncio.sleep(0)
    a.close()
    b.close()
    print("with a writer callback:")
    for line in log:
        print("   ", line)


async def main():
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    await two_clients(port)
    await with_a_writer_callback(port)
    server.close()
    await server.wait_closed()


asyncio.run(main())
