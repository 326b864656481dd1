# close()/is_closing()/wait_closed() on a client StreamWriter, and the server
# seeing EOF when the client closes.
import asyncio

finished = asyncio.Event()
server_log = []

async def handler(reader, writer):
    data = await reader.read()
    server_log.append(f'server saw EOF after {data}')
    server_log.append(f'server writer is_closing before close: {writer.is_closing()}')
    writer.close()
    server_log.append(f'server writer is_closing after close: {writer.is_closing()}')
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'bye')
    await writer.drain()
    print('client is_closing:', writer.is_closing())
    writer.close()
    print('client is_closing after close():', writer.is_closing())
    await writer.wait_closed()
    print('wait_closed returned')
    await writer.wait_closed()
    print('second wait_closed also returns')
    await finished.wait()
    print('\n'.join(server_log))
    server.close()
    await server.wait_closed()
    print('server is_serving:', server.is_serving())

asyncio.run(main())
