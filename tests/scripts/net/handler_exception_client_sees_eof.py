# A server handler that raises: asyncio logs the error on stderr only, the
# connection is closed and the client sees the bytes written before, then EOF.
import asyncio

crashed = asyncio.Event()

async def handler(reader, writer):
    writer.write(b'partial reply ')
    await writer.drain()
    await reader.readline()
    crashed.set()
    raise ValueError('handler crashed')

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'trigger\n')
    await writer.drain()
    await crashed.wait()
    print('client got:', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('main finished normally')

asyncio.run(main())
