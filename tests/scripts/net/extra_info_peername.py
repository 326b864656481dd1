# get_extra_info: peername/sockname hosts (ports only compared), an unknown key
# returns the default, and the socket family.
import asyncio
import socket

finished = asyncio.Event()
server_view = {}

async def handler(reader, writer):
    server_view['peer_host'] = writer.get_extra_info('peername')[0]
    server_view['sock'] = writer.get_extra_info('sockname')
    await reader.read()
    writer.close()
    await writer.wait_closed()
    finished.set()

async def main():
    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    peer = writer.get_extra_info('peername')
    mine = writer.get_extra_info('sockname')
    print('client peer host:', peer[0], 'peer port is server port:', peer[1] == port)
    print('client own host:', mine[0], 'own port differs:', mine[1] != port)
    print('unknown key:', writer.get_extra_info('no-such-key'), writer.get_extra_info('no-such-key', 'dflt'))
    sock = writer.get_extra_info('socket')
    print('family is AF_INET:', sock.family == socket.AF_INET)
    writer.close()
    await writer.wait_closed()
    await finished.wait()
    print('server saw peer host:', server_view['peer_host'])
    print('server sockname port is listening port:', server_view['sock'][1] == port)
    server.close()
    await server.wait_closed()

asyncio.run(main())
