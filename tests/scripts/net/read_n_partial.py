# reader.read(n) returns at most n bytes, possibly fewer; with all data already
# buffered and EOF received it returns exactly what is available.
import asyncio

finished = asyncio.Event()  # set when the server handler is completely done

async def handler(reader, writer):
    writer.write(b'0123456789abcdef')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    collected = b''
    chunks_ok = True
    while True:
        chunk = await reader.read(5)
        if not chunk:
            break
        chunks_ok = chunks_ok and len(chunk) <= 5
        collected += chunk
    print('all chunks <= 5 bytes:', chunks_ok)
    print('reassembled:', collected)
    print('read after EOF:', await reader.read(5))
    print('read(0):', await reader.read(0))
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
