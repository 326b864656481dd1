# The native read route of a StreamReaderProtocol is cached per transport and keyed on the
# protocol's instance dict: a store into that dict from a warmed-up attribute site (the
# attribute cache's in-place store) must still send later bytes the new way.
import asyncio


def store_reader(proto, value):
    proto._stream_reader_wr = value


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    seen = []
    made = []

    def factory():
        reader = asyncio.StreamReader()
        proto = asyncio.StreamReaderProtocol(reader)
        made.append((proto, reader))

        async def consume():
            while True:
                chunk = await reader.read(100)
                if not chunk:
                    break
                seen.append(chunk)
            done.set_result(b'|'.join(seen))
        loop.create_task(consume())
        return proto

    server = await loop.create_server(factory, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    _, writer = await asyncio.open_connection('127.0.0.1', port)
    for chunk in (b'one', b'two'):
        writer.write(chunk)
        await writer.drain()
        await asyncio.sleep(0.05)
    proto, reader = made[0]
    # Warm the store site with the value it already holds: the route stays the same.
    for _ in range(4):
        store_reader(proto, proto._stream_reader_wr)
    writer.write(b'three')
    await writer.drain()
    await asyncio.sleep(0.05)
    # Now drop the reader through the warmed site: the next bytes are discarded.
    store_reader(proto, None)
    writer.write(b'lost')
    await writer.drain()
    await asyncio.sleep(0.05)
    reader.feed_eof()
    print(await asyncio.wait_for(done, 5))
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
