# A small limit= on open_connection: readuntil raises LimitOverrunError when
# the separator is not found within the limit; readline turns it into
# ValueError. Data stays in the buffer after LimitOverrunError.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'short\n' + b'x' * 40 + b'\nafter\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port, limit=16)
    print(await reader.readuntil(b'\n'))
    await asyncio.sleep(0.05)
    try:
        await reader.readuntil(b'\n')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError:', e, '| consumed:', e.consumed)
    print('data still buffered, read 10:', await reader.read(10))
    try:
        await reader.readline()
    except ValueError as e:
        print('readline ValueError:', e)
    print('rest:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
