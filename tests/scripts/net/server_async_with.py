# `async with server:` closes the server on exit; is_serving before/after.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    writer.write(b'pong\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print('serving inside:', server.is_serving())
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()
        await finished.wait()
    print('serving after async with:', server.is_serving())
    print('sockets after close:', server.sockets)

asyncio.run(main())
