# Lock.locked(), acquire() returns True, release of an unlocked lock raises
# RuntimeError; async with releases on exception.
import asyncio

async def main():
    lock = asyncio.Lock()
    print('locked:', lock.locked())
    print('acquire ->', await lock.acquire())
    print('locked:', lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        async with lock:
            print('inside, locked:', lock.locked())
            raise ValueError('oops')
    except ValueError:
        print('after exception, locked:', lock.locked())

asyncio.run(main())
