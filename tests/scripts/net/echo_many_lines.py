# A line echo server handling many request/response round trips on one
# connection, including non-ASCII text.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    n = 0
    while line := await reader.readline():
        n += 1
        writer.write(f'{n}:'.encode() + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for word in ['alpha', 'βeta', 'gamma ✓', '', 'x' * 50]:
        writer.write(word.encode() + b'\n')
        await writer.drain()
        print((await reader.readline()).decode().rstrip('\n'))
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
