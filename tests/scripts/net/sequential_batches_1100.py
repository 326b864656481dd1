# 1100 connections made in sequential batches of 275 concurrent clients; the
# server counts connections and every client's checksum is verified.
import asyncio

count = 0
closed = 0

async def handler(reader, writer):
    global count, closed
    count += 1
    data = await reader.readexactly(4)
    writer.write(data[::-1])
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    closed += 1

async def client(port, i):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    msg = f'{i:04d}'.encode()
    writer.write(msg)
    reply = await reader.readexactly(4)
    writer.close()
    await writer.wait_closed()
    return reply == msg[::-1]

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0, backlog=300)
    port = server.sockets[0].getsockname()[1]
    ok = 0
    for batch in range(4):
        results = await asyncio.gather(*(client(port, batch * 275 + k) for k in range(275)))
        ok += sum(results)
    print('ok replies:', ok)
    while closed < 1100:
        await asyncio.sleep(0.01)
    print('server connections:', count)
    server.close()
    await server.wait_closed()

asyncio.run(main())
