"""A chat server: each line a client sends is broadcast to every other client.

    gyre examples/chat_server.py [PORT]

A client's first line is its name; later lines reach the others as `name: line`.
Joins and departures are announced as `* name joined` / `* name left`.
"""
import asyncio
import sys

clients = {}


def broadcast(sender, text):
    data = text.encode()
    for writer in list(clients):
        if writer is not sender:
            writer.write(data)


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip() or 'anonymous'
    clients[writer] = name
    broadcast(writer, f'* {name} joined\n')
    try:
        async for line in reader:
            text = line.decode(errors='replace').rstrip('\r\n')
            broadcast(writer, f'{name}: {text}\n')
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        del clients[writer]
        broadcast(writer, f'* {name} left\n')
        writer.close()


async def main(port):
    server = await asyncio.start_server(handle, '127.0.0.1', port)
    port = server.sockets[0].getsockname()[1]
    print(f'listening on 127.0.0.1:{port}', flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
