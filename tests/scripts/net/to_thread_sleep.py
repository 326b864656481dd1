# asyncio.to_thread runs a blocking call in a worker thread and returns its
# value; the event loop keeps running other tasks meanwhile.
import asyncio
import time

def blocking(x):
    time.sleep(0.05)
    return x * 3

async def ticker(log):
    for i in range(3):
        log.append(f'tick {i}')
        await asyncio.sleep(0)

async def main():
    print(await asyncio.to_thread(time.sleep, 0.01))
    log = []
    t = asyncio.create_task(ticker(log))
    result = await asyncio.to_thread(blocking, 14)
    log.append(f'thread result {result}')
    await t
    print('\n'.join(log))
    results = await asyncio.gather(*(asyncio.to_thread(blocking, n) for n in range(4)))
    print(results)

asyncio.run(main())
