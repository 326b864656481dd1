# Backpressure: a writer sending much more than the peer reads must block in
# drain() until the slow reader catches up. Only ordering facts are printed,
# never byte counts that depend on the kernel.
import asyncio

CHUNK = b'z' * 65536
TOTAL_CHUNKS = 320
events = []
finished = asyncio.Event()
reader_started = asyncio.Event()

async def handler(reader, writer):
    events.append('reader waits before reading')
    await reader_started.wait()
    total = 0
    while True:
        data = await reader.read(1 << 20)
        if not data:
            break
        total += len(data)
    events.append(f'reader got everything: {total == len(CHUNK) * TOTAL_CHUNKS}')
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    async def producer():
        blocked = False
        for _ in range(TOTAL_CHUNKS):
            writer.write(CHUNK)
            if writer.transport.get_write_buffer_size() > 0:
                blocked = True
            await writer.drain()
        events.append(f'producer saw a non-empty buffer: {blocked}')
        writer.write_eof()
        events.append('producer finished writing')

    prod = asyncio.create_task(producer())
    await asyncio.sleep(0.1)
    events.append(f'producer still blocked before reader starts: {not prod.done()}')
    reader_started.set()
    await prod
    await finished.wait()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('\n'.join(events))

asyncio.run(main())
