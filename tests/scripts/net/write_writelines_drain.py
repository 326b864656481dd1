# write, writelines and drain from the client; the server counts what it got
# and answers with a summary line.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    data = await reader.read()
    lines = data.split(b'\n')
    writer.write(f'{len(data)} bytes, {len(lines) - 1} lines, last={lines[-2].decode()}\n'.encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'first\n')
    writer.writelines([b'second\n', b'third\n', bytearray(b'fourth\n'), memoryview(b'fifth\n')])
    print('drain returns', await writer.drain())
    writer.write_eof()
    print((await reader.readline()).decode().rstrip())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
