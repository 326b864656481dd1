# LifoQueue returns the most recently added item first, also with a waiting
# consumer in between.
import asyncio

async def main():
    lq = asyncio.LifoQueue()
    for ch in 'abcde':
        lq.put_nowait(ch)
    print([lq.get_nowait() for _ in range(3)])
    lq.put_nowait('f')
    print([lq.get_nowait() for _ in range(3)])

    async def consumer():
        return await lq.get()

    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    lq.put_nowait('x')
    lq.put_nowait('y')
    print('consumer got', await t, 'left', lq.get_nowait())

asyncio.run(main())
