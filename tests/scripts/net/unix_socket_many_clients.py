# Several concurrent clients over one Unix socket server, each sending a
# number and reading back its double; the socket file is removed afterwards.
import asyncio
import time
try:
    import os
except ImportError:
    os = None

done_count = 0

async def handler(reader, writer):
    global done_count
    n = int(await reader.readline())
    writer.write(f'{n * 2}\n'.encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    done_count += 1

async def client(path, n):
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(f'{n}\n'.encode())
    await writer.drain()
    v = int(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return v

async def main():
    path = f'/tmp/gyre-async-many-{time.time_ns()}.sock'
    server = await asyncio.start_unix_server(handler, path)
    try:
        print(await asyncio.gather(*(client(path, n) for n in range(10))))
        while done_count < 10:
            await asyncio.sleep(0.01)
        print('handlers finished:', done_count)
        server.close()
        await server.wait_closed()
    finally:
        if os is not None:
            os.unlink(path)

asyncio.run(main())
