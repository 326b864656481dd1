# StreamWriter.write/drain over a real connection: the answers of the native fast checks
# are remembered (per class epoch, and per transport keyed on the reader's and protocol's
# dicts), so each change made after some drains must still be seen: a property on the
# writer class, StreamReader.exception replaced, FlowControlMixin._drain_helper replaced, a
# class attribute `_paused` on the protocol class; then instance attributes shadowing
# `exception` and `_drain_helper`, a paused protocol and a reader holding an exception.
import asyncio
from asyncio.streams import FlowControlMixin, StreamReaderProtocol


async def echo(reader, writer):
    while data := await reader.read(100):
        writer.write(data)
        await writer.drain()
    writer.close()


async def round_trip(reader, writer, msg):
    writer.write(msg)
    await writer.drain()
    print("echoed", await reader.readexactly(len(msg)))


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(3):
        await round_trip(reader, writer, b"warm %d" % i)

    def transport_prop(self):
        print("writer._transport read")
        return self.__dict__["_transport"]

    asyncio.StreamWriter._transport = property(transport_prop)
    await round_trip(reader, writer, b"with a _transport property")
    del asyncio.StreamWriter._transport
    await round_trip(reader, writer, b"property gone")

    saved_exception = asyncio.StreamReader.exception

    def exception(self):
        print("reader.exception() called")
        return saved_exception(self)

    asyncio.StreamReader.exception = exception
    await round_trip(reader, writer, b"exception replaced")
    asyncio.StreamReader.exception = saved_exception
    await round_trip(reader, writer, b"exception restored")

    saved_helper = FlowControlMixin._drain_helper

    async def helper(self):
        print("_drain_helper called")
        await saved_helper(self)

    FlowControlMixin._drain_helper = helper
    await round_trip(reader, writer, b"helper replaced")
    FlowControlMixin._drain_helper = saved_helper
    await round_trip(reader, writer, b"helper restored")

    def paused(self):
        print("protocol._paused read")
        return False

    StreamReaderProtocol._paused = property(paused, lambda self, v: None)
    await round_trip(reader, writer, b"_paused property")
    del StreamReaderProtocol._paused
    await round_trip(reader, writer, b"_paused gone")

    def own_exception():
        print("instance exception() called")
        return None

    reader.exception = own_exception
    await round_trip(reader, writer, b"instance exception")
    del reader.exception
    await round_trip(reader, writer, b"instance exception gone")

    protocol = writer._protocol

    async def own_helper():
        print("instance _drain_helper called")

    protocol._drain_helper = own_helper
    await round_trip(reader, writer, b"instance helper")
    del protocol._drain_helper
    await round_trip(reader, writer, b"instance helper gone")

    protocol.pause_writing()
    asyncio.get_running_loop().call_later(0.01, lambda: print("resuming") or protocol.resume_writing())
    writer.write(b"paused")
    await writer.drain()
    print("drained after resume; echoed", await reader.readexactly(6))
    await round_trip(reader, writer, b"resumed")

    reader.set_exception(ValueError("reader failed"))
    writer.write(b"x")
    try:
        await writer.drain()
    except ValueError as e:
        print("drain raised", repr(e))

    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())
