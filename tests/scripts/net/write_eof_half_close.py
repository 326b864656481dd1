# write_eof half-closes the client side: the server reads to EOF, but can
# still send its reply back afterwards.
import asyncio

finished = asyncio.Event()

async def handler(reader, writer):
    request = await reader.read()
    print('server got full request:', request)
    print('server reader at_eof:', reader.at_eof())
    for word in request.split():
        writer.write(word[::-1] + b' ')
    writer.write(b'(reply after client EOF)')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('can_write_eof:', writer.can_write_eof())
    writer.write(b'stressed desserts live')
    writer.write_eof()
    print('client is_closing after write_eof:', writer.is_closing())
    print('client got:', await reader.read())
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    server.close()
    await server.wait_closed()

asyncio.run(main())
