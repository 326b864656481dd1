# Three workers sharing one queue of jobs with different costs: the exact
# assignment of jobs to workers follows FIFO waiter order.
import asyncio

async def worker(name, q, log):
    while True:
        cost = await q.get()
        if cost is None:
            q.task_done()
            return
        for _ in range(cost):
            await asyncio.sleep(0)
        log.append(f'{name}:{cost}')
        q.task_done()

async def main():
    q = asyncio.Queue()
    log = []
    ws = [asyncio.create_task(worker(f'w{i}', q, log)) for i in range(3)]
    for cost in [3, 1, 2, 0, 4, 1, 0, 2]:
        q.put_nowait(cost)
    for _ in ws:
        q.put_nowait(None)
    await q.join()
    await asyncio.gather(*ws)
    print(' '.join(log))

asyncio.run(main())
