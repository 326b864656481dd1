# async for over an async generator that awaits between yields, interleaved
# with another task.
import asyncio

async def countdown(n):
    while n > 0:
        await asyncio.sleep(0)
        yield n
        n -= 1

async def other(log):
    for i in range(3):
        log.append(f'other {i}')
        await asyncio.sleep(0)

async def main():
    log = []
    t = asyncio.create_task(other(log))
    async for v in countdown(3):
        log.append(f'got {v}')
    log.append('loop over')
    await t
    print('\n'.join(log))

asyncio.run(main())
