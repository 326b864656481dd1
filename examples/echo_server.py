"""An echo server: every line a client sends comes back to it.

    gyre examples/echo_server.py [PORT]     (PORT 0 or absent: any free port)

Prints `listening on 127.0.0.1:PORT` once it accepts connections.
"""
import asyncio
import sys


async def handle(reader, writer):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


async def main(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port)
    port = server.sockets[0].getsockname()[1]
    print(f'listening on 127.0.0.1:{port}', flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
