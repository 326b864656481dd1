# BoundedSemaphore raises ValueError when released more times than acquired.
import asyncio

async def main():
    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)
    async with bs:
        async with bs:
            print('holding both, locked:', bs.locked())
    print('released both, locked:', bs.locked())

asyncio.run(main())
