# loop.create_connection with a client Protocol talking to a stream server;
# the client protocol signals completion through a future.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    line = await reader.readline()
    writer.write(b'reply to ' + line)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

class Client(asyncio.Protocol):
    def __init__(self, on_done):
        self.on_done = on_done
        self.chunks = []
        self.log = []

    def connection_made(self, transport):
        self.log.append('connected')
        transport.write(b'ping\n')

    def data_received(self, data):
        self.chunks.append(data)

    def eof_received(self):
        self.log.append('server sent EOF')

    def connection_lost(self, exc):
        self.log.append(f'lost {exc}')
        self.on_done.set_result(b''.join(self.chunks))

async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    on_done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(on_done), '127.0.0.1', port)
    print('protocol type:', type(protocol).__name__, '| transport closing:', transport.is_closing())
    print('received:', await on_done)
    print(protocol.log)
    print('transport closing at end:', transport.is_closing())
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
