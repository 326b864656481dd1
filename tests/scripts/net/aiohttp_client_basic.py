# aiohttp client against a local HTTP/1.1 server: Content-Length and chunked bodies,
# keep-alive reuse (one connection for several requests), headers, POST data, text().
import asyncio
import aiohttp

connections = 0


async def handler(reader, writer):
    global connections
    connections += 1
    while True:
        line = await reader.readline()
        if not line:
            break
        method, path, _ = line.decode().split(' ')
        headers = {}
        while True:
            h = await reader.readline()
            if h == b'\r\n':
                break
            k, _, v = h.decode().partition(':')
            headers[k.strip().lower()] = v.strip()
        body = await reader.readexactly(int(headers.get('content-length', '0')))
        if path == '/chunked':
            writer.write(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n'
                         b'Content-Type: text/plain; charset=utf-8\r\n\r\n'
                         b'5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n')
        else:
            payload = f'{method} {path} body={body.decode()!r} ua-set={"user-agent" in headers}'.encode()
            status = b'200 OK' if path != '/missing' else b'404 Not Found'
            writer.write(b'HTTP/1.1 ' + status + b'\r\nContent-Type: text/plain\r\nX-Test: yes\r\n'
                         b'Content-Length: ' + str(len(payload)).encode() + b'\r\n\r\n' + payload)
        await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    base = f'http://127.0.0.1:{port}'
    async with aiohttp.ClientSession() as session:
        async with session.get(base + '/hello') as resp:
            print(resp.status, resp.reason, await resp.text())
            print('x-test:', resp.headers['x-test'], resp.headers.get('X-TEST'))
        async with session.get(base + '/chunked') as resp:
            print(resp.status, repr(await resp.read()), repr(await resp.text()))
        async with session.post(base + '/submit', data=b'payload') as resp:
            print(resp.status, await resp.text())
        async with session.get(base + '/missing') as resp:
            print(resp.status, resp.reason)
            try:
                resp.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print('ClientResponseError', e.status)
        async def status(path):
            async with session.get(base + path) as r:
                return r.status, await r.text()
        print(await asyncio.gather(*(status(f'/n{i}') for i in range(3))))
    print('connections used:', connections)
    server.close()
    await server.wait_closed()

asyncio.run(main())
