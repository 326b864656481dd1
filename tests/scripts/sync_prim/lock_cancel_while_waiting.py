# A waiter cancelled right after the lock was handed to it (woken but not yet
# running) passes the lock on to the next waiter instead of deadlocking.
import asyncio

async def waiter(name, lock, log):
    try:
        async with lock:
            log.append(name + ' has the lock')
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append(name + ' cancelled')
        raise

async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    first = asyncio.create_task(waiter('first', lock, log))
    second = asyncio.create_task(waiter('second', lock, log))
    await asyncio.sleep(0)
    lock.release()
    first.cancel()
    await asyncio.gather(first, second, return_exceptions=True)
    print('\n'.join(log))
    print('locked at end:', lock.locked())

asyncio.run(main())
