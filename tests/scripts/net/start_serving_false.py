# start_server(start_serving=False): the socket is bound but not serving until
# start_serving() is awaited; serve_forever after close raises RuntimeError.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    writer.write(b'now serving\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    print('is_serving before:', server.is_serving())
    await server.start_serving()
    print('is_serving after start_serving():', server.is_serving())
    await server.start_serving()
    print('second start_serving() is harmless')
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
