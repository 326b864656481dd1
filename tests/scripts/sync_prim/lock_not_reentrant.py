# asyncio.Lock is not reentrant: acquiring it again from the same task blocks;
# wait_for turns that into a timeout.
import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        try:
            await asyncio.wait_for(lock.acquire(), timeout=0.03)
            print('reacquired (unexpected)')
        except TimeoutError:
            print('second acquire from the same task timed out')
        print('still locked:', lock.locked())
    print('released:', not lock.locked())

asyncio.run(main())
