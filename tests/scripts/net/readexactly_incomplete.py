# readexactly(n) succeeds when enough bytes arrive, and raises
# IncompleteReadError (with .partial and .expected) when EOF comes first.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'HEADER')
    await writer.drain()
    await asyncio.sleep(0.01)
    writer.write(b'body-part')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.readexactly(6))
    print(await reader.readexactly(4))
    try:
        await reader.readexactly(20)
    except asyncio.IncompleteReadError as e:
        print('partial:', e.partial, 'expected:', e.expected)
        print('message:', e)
        print('is EOFError:', isinstance(e, EOFError))
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print('after EOF partial:', e.partial, 'expected:', e.expected)
    print('readexactly(0):', await reader.readexactly(0))
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
