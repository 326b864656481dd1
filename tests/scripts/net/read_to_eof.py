# reader.read() with no argument reads until EOF, across several server writes.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    for part in (b'first ', b'second ', b'third'):
        writer.write(part)
        await writer.drain()
        await asyncio.sleep(0.01)
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    data = await reader.read()
    print(data)
    print('at_eof:', reader.at_eof())
    print('read() again:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
