# The client disconnects while the server keeps writing: the server's drain or
# write eventually fails with a ConnectionError (only the base class check is
# printed), and the handler can clean up.
import asyncio

result = asyncio.Event()
outcome = []

async def handler(reader, writer):
    await reader.readline()
    try:
        for _ in range(2000):
            writer.write(b'y' * 65536)
            await writer.drain()
        outcome.append('server wrote everything (unexpected)')
    except ConnectionError as e:
        outcome.append(f'server write failed with ConnectionError: {isinstance(e, ConnectionError)}')
    finally:
        writer.close()
        outcome.append(f'server writer closing: {writer.is_closing()}')
        result.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'start\n')
    await writer.drain()
    first = await reader.readexactly(10)
    print('client received data:', first == b'y' * 10)
    writer.transport.abort()
    print('client aborted the connection')
    await result.wait()
    print('\n'.join(outcome))
    server.close()
    await server.wait_closed()

asyncio.run(main())
