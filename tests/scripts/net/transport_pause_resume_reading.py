# transport.pause_reading() stops data_received calls until resume_reading();
# is_reading() reflects the state.
import asyncio

class Server(asyncio.Protocol):
    def __init__(self):
        self.received = []
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        instances.append(self)

    def data_received(self, data):
        self.received.append(data)

instances = []

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    while not instances:
        await asyncio.sleep(0.01)
    proto = instances[0]
    writer.write(b'first')
    await asyncio.sleep(0.05)
    print('got before pause:', proto.received)
    proto.transport.pause_reading()
    print('is_reading after pause:', proto.transport.is_reading())
    writer.write(b'second')
    await asyncio.sleep(0.05)
    print('got while paused:', proto.received)
    proto.transport.resume_reading()
    print('is_reading after resume:', proto.transport.is_reading())
    await asyncio.sleep(0.05)
    print('got after resume:', proto.received)
    writer.close()
    await writer.wait_closed()
    proto.transport.close()
    server.close()
    await server.wait_closed()

asyncio.run(main())
