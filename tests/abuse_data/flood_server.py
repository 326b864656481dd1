"""Writes 64 KiB chunks without end to each client, awaiting drain() after each one.

    gyre tests/abuse_data/flood_server.py PORT

Used by tests/abuse.rs: a client that never reads must not make this server buffer without
limit. Each client first sends one line (so the test knows the handler runs); the server
counts the chunks it has handed to the transport and reports the total on `STATS\n`
connections.
"""
import asyncio
import sys

CHUNK = b'x' * 65536
written = 0


async def handle(reader, writer):
    global written
    line = await reader.readline()
    if line == b'STATS\n':
        writer.write(f'{written}\n'.encode())
        await writer.drain()
        writer.close()
        return
    try:
        while True:
            writer.write(CHUNK)
            written += len(CHUNK)
            await writer.drain()
    except ConnectionError:
        pass
    writer.close()


async def main(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port)
    port = server.sockets[0].getsockname()[1]
    print(f'listening on 127.0.0.1:{port}', flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
