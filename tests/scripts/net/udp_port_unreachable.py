# A connected UDP endpoint sending to a port with no listener: the ICMP error
# surfaces through error_received as ConnectionRefusedError (Linux loopback).
import asyncio

class Probe(asyncio.DatagramProtocol):
    def __init__(self, fut):
        self.fut = fut

    def error_received(self, exc):
        if not self.fut.done():
            self.fut.set_result(type(exc).__name__)

    def datagram_received(self, data, addr):
        if not self.fut.done():
            self.fut.set_result('unexpected datagram')

async def main():
    loop = asyncio.get_running_loop()
    tmp_tr, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=('127.0.0.1', 0))
    port = tmp_tr.get_extra_info('sockname')[1]
    tmp_tr.close()
    await asyncio.sleep(0)
    fut = loop.create_future()
    tr, _ = await loop.create_datagram_endpoint(lambda: Probe(fut), remote_addr=('127.0.0.1', port))
    tr.sendto(b'anyone?')
    print('error_received:', await asyncio.wait_for(fut, 1))
    tr.close()

asyncio.run(main())
