# A cancelled Semaphore waiter does not consume a slot; the next waiter gets it.
import asyncio

async def user(name, sem, log):
    try:
        async with sem:
            log.append(f'{name} acquired')
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise

async def main():
    sem = asyncio.Semaphore(1)
    log = []
    await sem.acquire()
    ts = [asyncio.create_task(user(n, sem, log)) for n in ('u1', 'u2', 'u3')]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    sem.release()
    await asyncio.gather(*ts, return_exceptions=True)
    print('\n'.join(log))
    print('final locked:', sem.locked())

asyncio.run(main())
