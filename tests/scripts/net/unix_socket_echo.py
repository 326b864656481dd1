# Unix domain sockets: start_unix_server/open_unix_connection at a unique path
# under /tmp, line echo round trips. CPython 3.11 does not unlink the socket
# file on close, so the test removes it itself (when `os` is available).
import asyncio
import time
try:
    import os
except ImportError:
    os = None

finished = asyncio.Event()

async def handler(reader, writer):
    while line := await reader.readline():
        writer.write(b'unix:' + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    path = f'/tmp/gyre-async-echo-{time.time_ns()}.sock'
    server = await asyncio.start_unix_server(handler, path)
    try:
        reader, writer = await asyncio.open_unix_connection(path)
        for msg in (b'one\n', b'two\n', b'three\n'):
            writer.write(msg)
            await writer.drain()
            print(await reader.readline())
        print('sockname is the path:', server.sockets[0].getsockname() == path)
        writer.close()
        await writer.wait_closed()
        await finished.wait()
        server.close()
        await server.wait_closed()
        print('closed, is_serving:', server.is_serving())
    finally:
        if os is not None:
            os.unlink(path)

asyncio.run(main())
