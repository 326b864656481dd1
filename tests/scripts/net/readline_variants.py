# readline: lines include the newline; the last line without newline is
# returned at EOF; then b''. Also CRLF is kept as is.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'one\ntwo\r\n\nlast-without-newline')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for _ in range(6):
        print(repr(await reader.readline()))
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
