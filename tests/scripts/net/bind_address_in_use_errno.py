# Binding a port that is already taken: socket.bind raises OSError with errno/strerror set
# (EADDRINUSE has no OSError subclass), and start_server wraps it in CPython's message.
import asyncio
import errno
import socket


def bind_twice():
    first = socket.socket()
    first.bind(("127.0.0.1", 0))
    first.listen()
    second = socket.socket()
    try:
        second.bind(first.getsockname())
    except OSError as e:
        print(type(e).__name__, e.errno == errno.EADDRINUSE, e.strerror)
        print(str(e), e.args)
    finally:
        second.close()
        first.close()


async def main():
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        await asyncio.start_server(lambda r, w: None, "127.0.0.1", port)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror.replace(str(port), "PORT"))
        print(str(e).replace(str(port), "PORT"))
    server.close()
    await server.wait_closed()


bind_twice()
asyncio.run(main())
