# In 3.11 server.close() stops accepting but existing connections stay open
# and keep working; wait_closed() does not wait for them.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    async for line in reader:
        writer.write(b'still here: ' + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'before close\n')
    print(await reader.readline())
    server.close()
    await server.wait_closed()
    print('server serving:', server.is_serving())
    writer.write(b'after close\n')
    print(await reader.readline())
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError:
        print('new connection refused')
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    print('old connection finished cleanly')

asyncio.run(main())
