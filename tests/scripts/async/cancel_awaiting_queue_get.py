# Cancelling a consumer blocked in Queue.get: the item later put goes to the
# other, still-waiting consumer.
import asyncio

async def consumer(name, q):
    try:
        item = await q.get()
        print(name, 'got', item)
    except asyncio.CancelledError:
        print(name, 'cancelled in get()')
        raise

async def main():
    q = asyncio.Queue()
    c1 = asyncio.create_task(consumer('c1', q))
    c2 = asyncio.create_task(consumer('c2', q))
    await asyncio.sleep(0)
    c1.cancel()
    await asyncio.sleep(0)
    q.put_nowait('parcel')
    await asyncio.gather(c1, c2, return_exceptions=True)
    print('queue size at end:', q.qsize())

asyncio.run(main())
