# Bytes a stream transport receives reach the reader through StreamReaderProtocol's
# data_received; overriding it (in a subclass or on the instance), overriding the reader's
# feed_data, or dropping the reader must each be honoured, in the order CPython runs them.
import asyncio


class LoggingProtocol(asyncio.StreamReaderProtocol):
    def data_received(self, data):
        print('subclass data_received', type(data).__name__, data)
        super().data_received(data)


class LoggingReader(asyncio.StreamReader):
    def feed_data(self, data):
        print('reader feed_data', data)
        super().feed_data(data)


async def serve_once(make_protocol, payloads, tweak=None, reader_class=asyncio.StreamReader):
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    seen = []

    def factory():
        reader = reader_class()
        proto = make_protocol(reader)
        if tweak:
            tweak(proto, reader)

        async def consume():
            while True:
                chunk = await reader.read(100)
                if not chunk:
                    break
                seen.append(chunk)
            done.set_result(b''.join(seen))
        loop.create_task(consume())
        return proto

    server = await loop.create_server(factory, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for p in payloads:
        if callable(p):
            p()
            continue
        writer.write(p)
        await writer.drain()
        await asyncio.sleep(0.05)
    writer.close()
    await writer.wait_closed()
    got = await asyncio.wait_for(done, 5)
    server.close()
    await server.wait_closed()
    return got


async def main():
    plain = await serve_once(asyncio.StreamReaderProtocol, [b'one ', b'two'])
    print('plain', plain)
    sub = await serve_once(LoggingProtocol, [b'alpha ', b'beta'])
    print('subclass', sub)

    def instance_override(proto, reader):
        original = proto.data_received

        def data_received(data):
            print('instance data_received', data)
            original(data.upper())
        proto.data_received = data_received
    inst = await serve_once(asyncio.StreamReaderProtocol, [b'abc', b'def'], instance_override)
    print('instance', inst)

    custom = await serve_once(asyncio.StreamReaderProtocol, [b'x', b'y'], reader_class=LoggingReader)
    print('custom reader', custom)

    def reader_override(proto, reader):
        def feed_data(data):
            print('instance feed_data', data)
            asyncio.StreamReader.feed_data(reader, data[::-1])
        reader.feed_data = feed_data
    rev = await serve_once(asyncio.StreamReaderProtocol, [b'123', b'456'], reader_override)
    print('instance feed_data result', rev)

    def drop_reader(proto, reader):
        proto._stream_reader_wr = None
        reader.feed_eof()
    dropped = await serve_once(asyncio.StreamReaderProtocol, [b'lost'], drop_reader)
    print('dropped', dropped)

    # The class's method replaced mid-connection: later chunks take the new one.
    original = asyncio.StreamReaderProtocol.data_received

    def patched(self, data):
        print('class patched', data)
        original(self, data + b'!')

    def patch():
        asyncio.StreamReaderProtocol.data_received = patched

    def unpatch():
        asyncio.StreamReaderProtocol.data_received = original
    mid = await serve_once(asyncio.StreamReaderProtocol, [b'before', patch, b'during', unpatch, b'after'])
    print('patched mid-connection', mid)


asyncio.run(main())
