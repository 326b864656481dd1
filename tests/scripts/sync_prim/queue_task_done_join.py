# task_done()/join(): join waits until every item fetched has been marked done;
# too many task_done calls raise ValueError.
import asyncio

async def worker(name, q, log):
    while True:
        item = await q.get()
        await asyncio.sleep(0)
        log.append(f'{name} processed {item}')
        q.task_done()

async def main():
    q = asyncio.Queue()
    log = []
    for i in range(5):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(f'w{i}', q, log)) for i in range(2)]
    await q.join()
    log.append('join returned')
    print('\n'.join(log))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)
    empty = asyncio.Queue()
    await empty.join()
    print('join on empty queue returns immediately')

asyncio.run(main())
