# Chat server: each line from one client is broadcast to all the others.
# Clients join one after another; each prints what it received, in order.
import asyncio

clients = {}
all_gone = asyncio.Event()

async def handler(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[name] = writer
    writer.write(b'welcome ' + name.encode() + b'\n')
    await writer.drain()
    async for line in reader:
        msg = f'{name}: {line.decode().strip()}\n'.encode()
        for other, w in list(clients.items()):
            if other != name:
                w.write(msg)
                await w.drain()
    del clients[name]
    writer.close()
    await writer.wait_closed()
    if not clients:
        all_gone.set()

async def join(port, name):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(name.encode() + b'\n')
    await writer.drain()
    print(name, 'got', (await reader.readline()).decode().strip())
    return reader, writer

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    people = {}
    for name in ('ann', 'bob', 'cid'):
        people[name] = await join(port, name)
    script = [('ann', 'hi all'), ('bob', 'hey ann'), ('cid', 'yo'), ('ann', 'bye')]
    for speaker, text in script:
        people[speaker][1].write(text.encode() + b'\n')
        await people[speaker][1].drain()
        for name, (r, w) in people.items():
            if name != speaker:
                print(f'  [{name}] {(await r.readline()).decode().strip()}')
    for name, (r, w) in people.items():
        w.close()
        await w.wait_closed()
    await all_gone.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
