# write() after write_eof() raises RuntimeError (and keeps raising); calling
# write_eof twice is fine.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    data = await reader.read()
    writer.write(b'len=%d' % len(data))
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'12345')
    writer.write_eof()
    try:
        writer.write(b'more')
    except RuntimeError as e:
        print('RuntimeError:', e)
    writer.write_eof()
    print('second write_eof ok')
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    print('is_closing after close:', writer.is_closing())
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
