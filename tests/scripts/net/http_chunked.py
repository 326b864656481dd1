# HTTP/1.1 chunked bodies (Transfer-Encoding header): the server streams
# chunks with hex sizes, one with a chunk extension; the client decodes them
# until the 0 chunk and reads the trailers.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    while (await reader.readline()) not in (b'\r\n', b''):
        pass
    writer.write(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n')
    for piece in [b'Hello, ', b'chunked ', b'world' * 4, b'!']:
        writer.write(f'{len(piece):x}\r\n'.encode() + piece + b'\r\n')
        await writer.drain()
        await asyncio.sleep(0)
    writer.write(b'3;note=ext\r\nEND\r\n')
    writer.write(b'0\r\nX-Trailer: done\r\n\r\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'GET /stream HTTP/1.1\r\nHost: local\r\n\r\n')
    await writer.drain()
    print((await reader.readline()).decode().strip())
    headers = []
    while (line := await reader.readline()) != b'\r\n':
        headers.append(line.decode().strip())
    print(headers)
    sizes, body = [], b''
    while True:
        size_line = (await reader.readline()).decode().strip()
        size = int(size_line.split(';')[0], 16)
        sizes.append(size)
        if size == 0:
            break
        body += await reader.readexactly(size)
        assert await reader.readexactly(2) == b'\r\n'
    trailers = []
    while (line := await reader.readline()) != b'\r\n':
        trailers.append(line.decode().strip())
    print('chunk sizes:', sizes)
    print('body:', body.decode())
    print('trailers:', trailers)
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
