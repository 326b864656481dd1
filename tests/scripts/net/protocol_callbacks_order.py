# loop.create_server with a Protocol class: connection_made, data_received,
# eof_received and connection_lost are called in that order.
import asyncio

events = []
lost = asyncio.Event()

class Recorder(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        events.append('connection_made')

    def data_received(self, data):
        events.append(f'data_received {data!r}')
        self.transport.write(data.upper())

    def eof_received(self):
        events.append('eof_received')
        self.transport.write(b'|bye')
        return False

    def connection_lost(self, exc):
        events.append(f'connection_lost exc={exc!r}')
        lost.set()

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Recorder, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'abc')
    await writer.drain()
    print(await reader.readexactly(3))
    writer.write_eof()
    print(await reader.read())
    await lost.wait()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    for e in events:
        print(e)

asyncio.run(main())
