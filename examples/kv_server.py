"""A Redis-protocol (RESP) key-value server: PING, ECHO, SET, GET, DEL, INCR, EXISTS,
DBSIZE, FLUSHALL, CONFIG GET (empty), with pipelining. Works with redis-cli and
redis-benchmark.

    gyre examples/kv_server.py [PORT]
"""
import asyncio
import sys

store = {}
# Bounds on what one command may make the server hold, as Redis bounds them: a client that
# claims more is answered with a protocol error and disconnected instead of being buffered.
MAX_ARGS = 1 << 16
MAX_BULK = 1 << 20


def bulk(value):
    if value is None:
        return b'$-1\r\n'
    return b'$' + str(len(value)).encode() + b'\r\n' + value + b'\r\n'


def integer(n):
    return b':' + str(n).encode() + b'\r\n'


def error(msg):
    return b'-' + msg.encode() + b'\r\n'


def execute(args):
    cmd = args[0].upper()
    n = len(args)
    if cmd == b'PING':
        return b'+PONG\r\n' if n == 1 else bulk(args[1])
    if cmd == b'ECHO' and n == 2:
        return bulk(args[1])
    if cmd == b'SET' and n >= 3:
        store[args[1]] = args[2]
        return b'+OK\r\n'
    if cmd == b'GET' and n == 2:
        return bulk(store.get(args[1]))
    if cmd == b'DEL' and n >= 2:
        removed = 0
        for key in args[1:]:
            if store.pop(key, None) is not None:
                removed += 1
        return integer(removed)
    if cmd == b'EXISTS' and n >= 2:
        return integer(sum(1 for key in args[1:] if key in store))
    if cmd == b'INCR' and n == 2:
        try:
            value = int(store.get(args[1], b'0')) + 1
        except ValueError:
            return error('ERR value is not an integer or out of range')
        store[args[1]] = str(value).encode()
        return integer(value)
    if cmd == b'DBSIZE':
        return integer(len(store))
    if cmd == b'FLUSHALL':
        store.clear()
        return b'+OK\r\n'
    if cmd == b'CONFIG':
        return b'*0\r\n'
    name = args[0].decode(errors='replace')
    return error(f"ERR unknown command '{name}'")


class ProtocolError(ValueError):
    """A request the server refuses to buffer: reported to the client, then it is dropped."""


async def read_command(reader):
    """One command as a list of bytes arguments (RESP array or inline), None at EOF."""
    line = await reader.readline()
    if not line:
        return None
    if line[:1] != b'*':
        return line.split()  # inline command, as redis-cli and telnet send
    count = int(line[1:])
    if count > MAX_ARGS:
        raise ProtocolError('invalid multibulk length')
    args = []
    for _ in range(count):
        header = await reader.readline()
        if header[:1] != b'$':
            raise ValueError('expected a bulk string')
        size = int(header[1:])
        if not 0 <= size <= MAX_BULK:
            raise ProtocolError('invalid bulk length')
        args.append((await reader.readexactly(size + 2))[:-2])
    return args


async def handle(reader, writer):
    try:
        while True:
            args = await read_command(reader)
            if args is None:
                break
            if args:
                writer.write(execute(args))
            await writer.drain()
    except ProtocolError as e:
        writer.write(error(f'ERR Protocol error: {e}'))
    except (ValueError, ConnectionError, asyncio.IncompleteReadError):
        pass
    writer.close()


async def main(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f'listening on 127.0.0.1:{port}', flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
