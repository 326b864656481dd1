# Semaphore counting observed through locked(): how many acquires succeed
# without blocking after acquire/release sequences; a plain Semaphore can be
# released above its initial value; a negative initial value is rejected.
import asyncio

async def drain(sem):
    n = 0
    while not sem.locked():
        await sem.acquire()
        n += 1
    return n

async def main():
    sem = asyncio.Semaphore(2)
    print('locked at start:', sem.locked())
    print('free slots:', await drain(sem))
    print('locked after draining:', sem.locked())
    for _ in range(5):
        sem.release()
    print('free slots after 5 releases:', await drain(sem))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError:', e)
    print('Semaphore(0) locked:', asyncio.Semaphore(0).locked())
    print('default value 1, free slots:', await drain(asyncio.Semaphore()))

asyncio.run(main())
