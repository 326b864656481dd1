"""An HTTP/1.1 server with keep-alive and pipelining.

    gyre examples/http_server.py [PORT]

GET /      -> text/plain "Hello, World!"
GET /json  -> application/json {"message": "Hello, World!"}
anything else -> 404. Connections stay open until the client sends `Connection: close`
(or speaks HTTP/1.0 without keep-alive); pipelined requests are answered in order.
"""
import asyncio
import sys

HELLO = b'Hello, World!'
JSON = b'{"message": "Hello, World!"}'
NOT_FOUND = b'Not Found'
# Larger request bodies are refused (the connection is closed) rather than buffered: the
# reader would otherwise hold whatever Content-Length a client claims.
MAX_BODY = 1 << 20


def response(status, ctype, body, keep_alive):
    head = (f'HTTP/1.1 {status}\r\nServer: gyre\r\nContent-Type: {ctype}\r\n'
            f'Content-Length: {len(body)}\r\n')
    if not keep_alive:
        head += 'Connection: close\r\n'
    return head.encode() + b'\r\n' + body


async def read_request(reader):
    """Returns (method, path, version, headers, body) or None at EOF."""
    line = await reader.readline()
    if not line:
        return None
    if not line.endswith(b'\n'):
        raise ValueError('request line cut short by EOF')
    parts = line.decode('latin-1').split()
    if len(parts) != 3:
        raise ValueError('bad request line')
    headers = {}
    while True:
        h = await reader.readline()
        if h in (b'\r\n', b'\n'):
            break
        if not h.endswith(b'\n'):
            raise ValueError('headers cut short by EOF')
        name, _, value = h.decode('latin-1').partition(':')
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get('content-length', '0'))
    if length > MAX_BODY:
        raise ValueError('request body too large')
    body = await reader.readexactly(length) if length else b''
    return parts[0], parts[1], parts[2], headers, body


async def handle(reader, writer):
    try:
        while True:
            req = await read_request(reader)
            if req is None:
                break
            method, path, version, headers, body = req
            conn = headers.get('connection', '').lower()
            keep_alive = conn != 'close' and (version == 'HTTP/1.1' or conn == 'keep-alive')
            if path == '/':
                writer.write(response('200 OK', 'text/plain', HELLO, keep_alive))
            elif path == '/json':
                writer.write(response('200 OK', 'application/json', JSON, keep_alive))
            else:
                writer.write(response('404 Not Found', 'text/plain', NOT_FOUND, keep_alive))
            if not keep_alive:
                break
            # drain() only waits while the peer is not reading (backpressure), so pipelined
            # requests already buffered are answered back to back.
            await writer.drain()
        await writer.drain()
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
