# Queue put_nowait/get_nowait, QueueEmpty and QueueFull, qsize/empty/full.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print('empty:', q.empty(), 'full:', q.full(), 'qsize:', q.qsize(), 'maxsize:', q.maxsize)
    q.put_nowait('a')
    q.put_nowait('b')
    print('empty:', q.empty(), 'full:', q.full(), 'qsize:', q.qsize())
    try:
        q.put_nowait('c')
    except asyncio.QueueFull as e:
        print('QueueFull raised, args:', e.args)
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('QueueEmpty raised, args:', e.args)
    print('QueueEmpty/QueueFull are Exceptions:', issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print('unbounded full():', unbounded.full(), 'size', unbounded.qsize())

asyncio.run(main())
