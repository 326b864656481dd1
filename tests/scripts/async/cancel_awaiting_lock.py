# Cancelling a task waiting on a Lock removes it from the waiters; the lock
# is later handed to the next waiter in line.
import asyncio

async def user(name, lock, log):
    try:
        async with lock:
            log.append(name + ' acquired')
            await asyncio.sleep(0)
        log.append(name + ' released')
    except asyncio.CancelledError:
        log.append(name + ' cancelled while waiting')
        raise

async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    a = asyncio.create_task(user('a', lock, log))
    b = asyncio.create_task(user('b', lock, log))
    c = asyncio.create_task(user('c', lock, log))
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.sleep(0)
    log.append('main releases')
    lock.release()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print('\n'.join(log))
    print('lock free at end:', not lock.locked())

asyncio.run(main())
