# The order of callbacks around read wake-ups on the paths where a read runs script code
# or changes the transport: a Protocol whose data_received answers a stream client of the
# same loop, a StreamReader whose feed pauses the transport (small limit), and a stream
# handler that closes its connection after a read (EOF at the peer's next read).
import asyncio

log = []


def note(what):
    log.append(what)


class Answer(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        loop = asyncio.get_running_loop()
        note(f"protocol got {data.decode().strip()}")
        loop.call_soon(note, "protocol soon")
        self.transport.write(b"ok " + data)


async def protocol_answers():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log.clear()
    for i in range(3):
        writer.write(f"m{i}\n".encode())
        line = await reader.readline()
        note(f"client got {line.decode().strip()}")
        loop.call_soon(note, "client soon")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("protocol:")
    for line in log:
        print("   ", line)


async def paused_handler(reader, writer):
    loop = asyncio.get_running_loop()
    while True:
        data = await reader.read(5)
        if not data:
            break
        note(f"handler read {data.decode()}")
        loop.call_soon(note, "handler soon")
    writer.close()


async def paused_reader():
    server = await asyncio.start_server(paused_handler, "127.0.0.1", 0, limit=4)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log.clear()
    writer.write(b"abcdefghijklmnopqrstuvwxyz")
    await writer.drain()
    for _ in range(12):
        await asyncio.sleep(0)
    writer.close()
    await writer.wait_closed()
    for _ in range(5):
        await asyncio.sleep(0)
    server.close()
    await server.wait_closed()
    print("paused reader:")
    for line in log:
        print("   ", line)


async def closing_handler(reader, writer):
    line = await reader.readline()
    note(f"closer got {line.decode().strip()}")
    asyncio.get_running_loop().call_soon(note, "closer soon")
    writer.write(b"bye\n")
    writer.close()


async def handler_closes():
    server = await asyncio.start_server(closing_handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    log.clear()
    writer.write(b"hello\n")
    note(f"client line {await reader.readline()}")
    asyncio.get_running_loop().call_soon(note, "client soon")
    note(f"client then {await reader.read()}")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("handler closes:")
    for line in log:
        print("   ", line)


async def main():
    await protocol_answers()
    await paused_reader()
    await handler_closes()


asyncio.run(main())
