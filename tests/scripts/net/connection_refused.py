# Connecting to a port whose server was just closed raises
# ConnectionRefusedError (an OSError subclass).
import asyncio

async def handler(reader, writer):
    writer.close()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
        print('connected (unexpected)')
    except ConnectionRefusedError as e:
        print(type(e).__name__, isinstance(e, OSError), isinstance(e, ConnectionError))
    try:
        await asyncio.get_running_loop().create_connection(asyncio.Protocol, '127.0.0.1', port)
    except OSError as e:
        print('create_connection:', type(e).__name__)

asyncio.run(main())
