# serve_forever() in a task; cancelling that task stops and closes the server.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    writer.write(b'served\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    forever = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print('serve_forever task cancelled:', forever.cancelled())
    print('is_serving after cancel:', server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError:
        print('new connections refused')

asyncio.run(main())
