# Pipelining: the client sends several requests in one write; the server
# answers each in order and the client matches responses to requests.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    async for line in reader:
        op, a, b = line.decode().split()
        a, b = int(a), int(b)
        res = {'ADD': a + b, 'MUL': a * b, 'SUB': a - b}.get(op, 'ERR')
        writer.write(f'{res}\n'.encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    reqs = ['ADD 2 3', 'MUL 6 7', 'SUB 1 10', 'DIV 4 2', 'ADD -5 5']
    writer.write(''.join(r + '\n' for r in reqs).encode())
    writer.write_eof()
    for r in reqs:
        print(r, '=>', (await reader.readline()).decode().strip())
    print('EOF after responses:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
