# Several producers blocked on a full Queue resume in FIFO order as space
# frees up.
import asyncio

async def putter(name, q, log):
    await q.put(name)
    log.append(f'{name} put done')

async def main():
    q = asyncio.Queue(maxsize=1)
    log = []
    q.put_nowait('initial')
    tasks = [asyncio.create_task(putter(n, q, log)) for n in ('p1', 'p2', 'p3')]
    await asyncio.sleep(0)
    for _ in range(4):
        log.append('got ' + await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print('\n'.join(log))

asyncio.run(main())
