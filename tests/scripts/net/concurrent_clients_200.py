# 200 concurrent clients against one server; each gets its own answer.
import asyncio

handled = 0

async def handler(reader, writer):
    global handled
    line = await reader.readline()
    n = int(line)
    writer.write(f'{n * n}\n'.encode())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    handled += 1

async def client(port, n):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(f'{n}\n'.encode())
    await writer.drain()
    answer = int(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return answer

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0, backlog=256)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(*(client(port, n) for n in range(200)))
    print('all correct:', results == [n * n for n in range(200)])
    print('sum:', sum(results))
    while handled < 200:
        await asyncio.sleep(0.01)
    print('handled:', handled)
    server.close()
    await server.wait_closed()

asyncio.run(main())
