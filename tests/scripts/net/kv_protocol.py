# Line-based key-value protocol: SET/GET/DEL/KEYS/QUIT with error replies.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    store = {}
    while True:
        line = await reader.readline()
        if not line:
            break
        parts = line.decode().split()
        cmd, args = (parts[0].upper(), parts[1:]) if parts else ('', [])
        if cmd == 'SET' and len(args) == 2:
            store[args[0]] = args[1]
            reply = 'OK'
        elif cmd == 'GET' and len(args) == 1:
            reply = store.get(args[0], '(nil)')
        elif cmd == 'DEL' and len(args) == 1:
            reply = str(int(store.pop(args[0], None) is not None))
        elif cmd == 'KEYS':
            reply = ' '.join(sorted(store)) or '(empty)'
        elif cmd == 'QUIT':
            writer.write(b'BYE\n')
            break
        else:
            reply = f'ERR unknown command {line.decode().strip()!r}'
        writer.write(reply.encode() + b'\n')
        await writer.drain()
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    commands = ['SET name gyre', 'SET lang rust', 'GET name', 'GET missing', 'KEYS',
                'DEL lang', 'DEL lang', 'KEYS', 'FLY away', '', 'set lower case', 'GET lower', 'QUIT']
    for c in commands:
        writer.write(c.encode() + b'\n')
        await writer.drain()
        print(f'{c!r:20} -> {(await reader.readline()).decode().strip()}')
    print('after QUIT:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
