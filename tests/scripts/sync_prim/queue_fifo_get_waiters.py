# Several getters blocked on an empty Queue are served in FIFO order of their
# get() calls.
import asyncio

async def getter(name, q, log):
    item = await q.get()
    log.append(f'{name} <- {item}')

async def main():
    q = asyncio.Queue()
    log = []
    tasks = [asyncio.create_task(getter(n, q, log)) for n in ('g1', 'g2', 'g3')]
    await asyncio.sleep(0)
    for item in ('first', 'second', 'third'):
        q.put_nowait(item)
        log.append(f'put {item}')
    await asyncio.gather(*tasks)
    print('\n'.join(log))

asyncio.run(main())
