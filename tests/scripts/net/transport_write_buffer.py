# transport.get_write_buffer_size() is 0 when the kernel accepted everything;
# write buffer limits can be read back after set_write_buffer_limits.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    total = len(await reader.read())
    writer.write(f'{total}'.encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    tr = writer.transport
    print('initial buffer size:', tr.get_write_buffer_size())
    tr.set_write_buffer_limits(high=4096, low=1024)
    print('limits (low, high):', tr.get_write_buffer_limits())
    writer.write(b'x' * 100)
    await writer.drain()
    await asyncio.sleep(0.01)
    print('after small write + drain:', tr.get_write_buffer_size())
    try:
        tr.set_write_buffer_limits(high=10, low=20)
    except ValueError as e:
        print('ValueError:', e)
    writer.write_eof()
    print('server counted:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
