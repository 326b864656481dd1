"""A server that shuts down gracefully on SIGTERM: a handler that raises is reported by
the exception handler, and a signal from a child process wakes the loop from its poll."""
import asyncio, os, signal

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    def bad():
        raise ValueError("boom")
    loop.add_signal_handler(signal.SIGHUP, bad)
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, "SIGTERM")
    loop.add_signal_handler(signal.SIGINT, stop.set_result, "SIGINT")
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async def client():
        r, w = await asyncio.open_connection("127.0.0.1", port)
        w.write(b"hello\n")
        print("client got", await r.readline())
        w.close()
        await w.wait_closed()
        os.kill(os.getpid(), signal.SIGHUP)
        await asyncio.sleep(0.05)
        # a child process sends SIGTERM while the loop sleeps in epoll
        await asyncio.create_subprocess_exec("sh", "-c", f"sleep 0.1; kill -TERM {os.getpid()}")
    async with server:
        t = asyncio.create_task(client())
        print("stopping on", await stop)
    await t
    print("removed", [loop.remove_signal_handler(s) for s in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)])

asyncio.run(main())
print("done")
