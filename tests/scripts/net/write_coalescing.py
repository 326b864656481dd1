# Writes made in one loop iteration reach the peer in order and completely, whatever ends
# the stream next (close, abort, write_eof), and a script sees them as sent at once
# (get_write_buffer_size, pause_writing), as under CPython's immediate sends.
import asyncio


class Sink(asyncio.Protocol):
    def __init__(self, done):
        self.data = bytearray()
        self.done = done
        self.eof = False

    def data_received(self, data):
        self.data += data

    def eof_received(self):
        self.eof = True

    def connection_lost(self, exc):
        self.done.set_result((bytes(self.data), self.eof, type(exc).__name__))


class Writer(asyncio.Protocol):
    def __init__(self):
        self.paused = 0

    def connection_made(self, transport):
        self.transport = transport

    def pause_writing(self):
        self.paused += 1

    def resume_writing(self):
        self.paused -= 1


async def one(case, ending):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    server = await loop.create_server(lambda: Sink(done), '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    tr, proto = await loop.create_connection(Writer, '127.0.0.1', port)
    tr.set_write_buffer_limits(high=0)
    pieces = [b'%d:' % i + b'x' * (i * 7 % 50) + b';' for i in range(200)]
    if case == 'large':
        pieces.insert(100, b'L' * 200_000)
    for p in pieces:
        tr.write(p)
    sizes = (tr.get_write_buffer_size() == 0, proto.paused)
    if ending == 'close':
        tr.close()
    elif ending == 'abort':
        tr.abort()
    else:
        tr.write_eof()
        await asyncio.sleep(0.05)
        tr.close()
    data, eof, exc = await done
    server.close()
    await server.wait_closed()
    ok = data == b''.join(pieces)
    print(case, ending, 'in order' if ok else 'WRONG', len(data), 'eof' if eof else 'no eof', exc)
    if case == 'small':
        print('  buffer empty after writes:', sizes[0], 'paused:', sizes[1])


async def streams():
    async def handle(reader, writer):
        while line := await reader.readline():
            writer.write(line.upper())
            writer.write(b'#' + line)
        writer.close()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for word in [b'alpha\n', b'beta\n', b'gamma\n']:
        writer.write(word)
    await writer.drain()
    writer.write_eof()
    print((await reader.read()).decode().split())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def main():
    for case in ['small', 'large']:
        for ending in ['close', 'abort', 'write_eof']:
            await one(case, ending)
    await streams()


asyncio.run(main())
