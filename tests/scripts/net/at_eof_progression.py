# at_eof() is False while data is buffered even after EOF arrived, and True
# once the buffer is drained.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'abc')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('at start:', reader.at_eof())
    await asyncio.sleep(0.05)
    print('EOF received but buffer full:', reader.at_eof())
    print(await reader.read(2), reader.at_eof())
    print(await reader.read(2), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
