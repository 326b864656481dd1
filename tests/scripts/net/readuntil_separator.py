# readuntil(separator) returns data including the separator; multi-byte
# separators; IncompleteReadError at EOF without separator.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'key=value;name=gyre;;END\r\n\r\ntrailing')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.readuntil(b';'))
    print(await reader.readuntil(b';'))
    print(await reader.readuntil(b';'))
    print(await reader.readuntil(b'\r\n\r\n'))
    try:
        await reader.readuntil(b'\n')
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError partial:', e.partial, 'expected:', e.expected)
    try:
        await reader.readuntil(b'')
    except ValueError as e:
        print('ValueError:', e)
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
