# One UDP server, two unconnected clients sending to it with explicit
# addresses; the server replies to each sender separately.
import asyncio

class Counter(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        self.seen = 0

    def datagram_received(self, data, addr):
        self.seen += 1
        self.transport.sendto(data[::-1], addr)

class Collector(asyncio.DatagramProtocol):
    def __init__(self, fut):
        self.fut = fut

    def datagram_received(self, data, addr):
        self.fut.set_result(data)

async def main():
    loop = asyncio.get_running_loop()
    srv_tr, srv = await loop.create_datagram_endpoint(Counter, local_addr=('127.0.0.1', 0))
    addr = ('127.0.0.1', srv_tr.get_extra_info('sockname')[1])
    for name in (b'alpha', b'bravo'):
        fut = loop.create_future()
        tr, _ = await loop.create_datagram_endpoint(lambda: Collector(fut), local_addr=('127.0.0.1', 0))
        tr.sendto(name, addr)
        print(name, '->', await asyncio.wait_for(fut, 1))
        tr.close()
    print('server saw', srv.seen, 'datagrams')
    srv_tr.close()

asyncio.run(main())
