# aiofiles: file jobs run while other tasks keep going; several files at once with gather.
import asyncio
import aiofiles

async def write_one(i):
    path = f'/tmp/gyre_aiofiles_concurrent_{i}.txt'
    async with aiofiles.open(path, 'w') as f:
        await f.write(f'file {i}\n' * (i + 1))
    return path

async def read_one(path):
    async with aiofiles.open(path) as f:
        return len(await f.readlines())

async def ticker(log, stop):
    while not stop.is_set():
        log.append('tick')
        await asyncio.sleep(0)

async def main():
    log = []
    stop = asyncio.Event()
    t = asyncio.create_task(ticker(log, stop))
    paths = await asyncio.gather(*(write_one(i) for i in range(6)))
    counts = await asyncio.gather(*(read_one(p) for p in paths))
    stop.set()
    await t
    print(counts)
    print('ticker ran:', len(log) > 0)

asyncio.run(main())
