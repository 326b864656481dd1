# A Protocol server that closes the transport from data_received after
# replying; the stream client sees the reply and then EOF; connection_lost
# gets None.
import asyncio

log = []
lost = asyncio.Event()

class OneShot(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        log.append(f'server got {data!r}')
        self.transport.write(b'one reply only')
        self.transport.close()
        log.append(f'closing after close(): {self.transport.is_closing()}')

    def connection_lost(self, exc):
        log.append(f'connection_lost {exc}')
        lost.set()

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(OneShot, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello?')
    await writer.drain()
    print('client read:', await reader.read())
    await lost.wait()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('\n'.join(log))

asyncio.run(main())
