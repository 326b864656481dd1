# Minimal HTTP/1.1 over streams: the client sends a POST with Content-Length,
# the server parses request line, headers and body and answers with a
# Content-Length response that the client parses the same way.
import asyncio

finished = asyncio.Event()

async def read_head(reader):
    start = (await reader.readline()).decode().rstrip('\r\n')
    headers = {}
    while True:
        line = (await reader.readline()).decode().rstrip('\r\n')
        if not line:
            break
        k, v = line.split(':', 1)
        headers[k.strip().lower()] = v.strip()
    return start, headers

async def handler(reader, writer):
    start, headers = await read_head(reader)
    method, path, version = start.split(' ')
    body = await reader.readexactly(int(headers.get('content-length', '0')))
    payload = f'{method} {path} {version} host={headers["host"]} body={body.decode()}'.encode()
    writer.write(b'HTTP/1.1 200 OK\r\n')
    writer.write(b'Content-Type: text/plain\r\n')
    writer.write(f'Content-Length: {len(payload)}\r\n\r\n'.encode())
    writer.write(payload)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    body = b'name=gyre&lang=rust'
    writer.write(b'POST /submit?x=1 HTTP/1.1\r\nHost: example.test\r\n'
                 b'Content-Type: application/x-www-form-urlencoded\r\n'
                 + f'Content-Length: {len(body)}\r\n\r\n'.encode() + body)
    await writer.drain()
    status, headers = await read_head(reader)
    print(status)
    for k in sorted(headers):
        print(f'{k}: {headers[k]}')
    print(await reader.readexactly(int(headers['content-length'])))
    print('then EOF:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
