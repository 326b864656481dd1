# StreamWriter.write and drain are native (src/net/writer.rs): drain's first step decides
# whether CPython's drain would return at once. Every other case runs CPython's body:
# a reader exception, a closing transport (sleep(0), then the lost connection), a paused
# protocol, a writer subclass, and the coroutine protocol (repr, send, reuse, close).
import asyncio


class LoudWriter(asyncio.StreamWriter):
    async def drain(self):
        print('LoudWriter.drain')
        await super().drain()


class PropWriter(asyncio.StreamWriter):
    @property
    def _reader(self):
        print('PropWriter._reader read')
        return self.__dict__['_reader']

    @_reader.setter
    def _reader(self, value):
        self.__dict__['_reader'] = value


async def pair():
    got = asyncio.get_running_loop().create_future()

    async def handler(r, w):
        if not got.done():
            got.set_result((r, w))

    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    sr, sw = await got
    return server, reader, writer, sr, sw


async def order(writer, log):
    async def other():
        log.append('other ran')

    t = asyncio.create_task(other())
    writer.write(b'x')
    await writer.drain()
    log.append('drained')
    await t


async def main():
    server, reader, writer, sr, sw = await pair()
    log = []
    await order(writer, log)
    print('no yield when clear:', log)
    print('echo:', await sr.readexactly(1))

    d = writer.drain()
    print(type(d).__name__, d.__qualname__, d.__name__, repr(d).startswith('<coroutine object StreamWriter.drain at'))
    try:
        d.send(None)
    except StopIteration as e:
        print('StopIteration', e.value)
    try:
        d.send(None)
    except RuntimeError as e:
        print('reuse:', e)
    d2 = writer.drain()
    d2.close()
    d3 = writer.drain()
    writer.write(data=b'kw')
    print('late await:', await d3)
    print('echo:', await sr.readexactly(2))
    for bad in [(), (b'a', b'b')]:
        try:
            writer.write(*bad)
        except TypeError as e:
            print('TypeError:', e)
    try:
        writer.drain(1)
    except TypeError as e:
        print('TypeError:', e)

    writer.write(b'yz')
    writer.close()
    log = []

    async def other():
        log.append('other ran')

    t = asyncio.create_task(other())
    try:
        await writer.drain()
        log.append('drain returned')
    except ConnectionResetError as e:
        log.append(f'drain after close: {e!r}')
    await t
    print(log)
    print('server read after close:', await sr.read())
    sw.close()
    await sw.wait_closed()

    for cls in (LoudWriter, PropWriter):
        r, w = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])
        w2 = cls(w.transport, w._protocol, r, asyncio.get_running_loop())
        w2.write(b'hi')
        await w2.drain()
        print(cls.__name__, 'drained')
        w2.close()
        try:
            await w2.drain()
        except ConnectionResetError as e:
            print(cls.__name__, 'after close:', repr(e))

    r, w = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])
    r.set_exception(ValueError('reader broke'))
    try:
        await w.drain()
    except ValueError as e:
        print('reader exception:', e)
    w.close()

    # A paused protocol: drain waits for resume_writing.
    r, w = await asyncio.open_connection('127.0.0.1', server.sockets[0].getsockname()[1])
    w._protocol.pause_writing()
    task = asyncio.create_task(w.drain())
    await asyncio.sleep(0)
    print('paused drain done?', task.done())
    w._protocol.resume_writing()
    await task
    print('paused drain done after resume:', task.done())

    # The slow path driven by hand: the yielded future, then StopIteration; a throw.
    w._protocol.pause_writing()
    d = w.drain()
    fut = d.send(None)
    print('hand-driven yield:', type(fut).__name__, fut.done())
    w._protocol.resume_writing()
    try:
        d.send(None)
    except StopIteration:
        print('hand-driven slow drain finished')
    w._protocol.pause_writing()
    d = w.drain()
    d.send(None)
    try:
        d.throw(KeyError('thrown'))
    except KeyError as e:
        print('thrown into drain:', repr(e), len(w._protocol._drain_waiters))
    w._protocol.resume_writing()
    d = w.drain()
    d.close()
    try:
        await d
    except RuntimeError as e:
        print('await after close:', e)
    w.close()
    await w.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
