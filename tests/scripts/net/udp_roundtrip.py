# UDP with create_datagram_endpoint: a server protocol echoes datagrams with
# sendto; the client protocol collects replies.
import asyncio

class EchoServer(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(b'echo:' + data, addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self, expected, done):
        self.expected = expected
        self.done = done
        self.got = []

    def datagram_received(self, data, addr):
        self.got.append((data, addr[0]))
        if len(self.got) == self.expected:
            self.done.set_result(None)

    def error_received(self, exc):
        print('error', type(exc).__name__)

async def main():
    loop = asyncio.get_running_loop()
    server_tr, _ = await loop.create_datagram_endpoint(EchoServer, local_addr=('127.0.0.1', 0))
    port = server_tr.get_extra_info('sockname')[1]
    done = loop.create_future()
    client_tr, client = await loop.create_datagram_endpoint(
        lambda: Client(3, done), remote_addr=('127.0.0.1', port))
    for msg in (b'one', b'two', b'three'):
        client_tr.sendto(msg)
        await asyncio.sleep(0.01)
    await asyncio.wait_for(done, 1)
    for data, host in client.got:
        print(data, 'from', host)
    client_tr.close()
    server_tr.close()
    await asyncio.sleep(0)
    print('closed:', client_tr.is_closing(), server_tr.is_closing())

asyncio.run(main())
