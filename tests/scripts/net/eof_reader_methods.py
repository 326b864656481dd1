# Behaviour of every reader method once the peer has closed and the buffer is
# empty.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('read():', await reader.read())
    print('read(10):', await reader.read(10))
    print('readline():', await reader.readline())
    try:
        await reader.readexactly(3)
    except asyncio.IncompleteReadError as e:
        print('readexactly: partial', e.partial, 'expected', e.expected)
    try:
        await reader.readuntil(b'!')
    except asyncio.IncompleteReadError as e:
        print('readuntil: partial', e.partial, 'expected', e.expected)
    print('at_eof:', reader.at_eof())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
