# wait_for returning before the timeout, with timeout=None, and on an
# already-finished future.
import asyncio

async def work(v, n):
    for _ in range(n):
        await asyncio.sleep(0)
    return v * 10

async def main():
    print(await asyncio.wait_for(work(1, 3), timeout=1))
    print(await asyncio.wait_for(work(2, 0), timeout=None))
    t = asyncio.create_task(work(3, 0))
    await asyncio.sleep(0)
    print('task done before wait_for:', t.done())
    print(await asyncio.wait_for(t, timeout=0.5))
    print(await asyncio.wait_for(asyncio.sleep(0.01, result='slept'), 0.5))

asyncio.run(main())
