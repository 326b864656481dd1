# A getter cancelled after an item was already put for it: the item is not
# lost; it stays in the queue for the next getter.
import asyncio

async def main():
    q = asyncio.Queue()
    got = []

    async def getter(name):
        got.append((name, await q.get()))

    g1 = asyncio.create_task(getter('g1'))
    await asyncio.sleep(0)
    q.put_nowait('item')
    g1.cancel()
    await asyncio.gather(g1, return_exceptions=True)
    print('g1 cancelled:', g1.cancelled(), 'queue size:', q.qsize())
    await getter('g2')
    print(got)

asyncio.run(main())
