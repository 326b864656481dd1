# Barrier(1) never blocks; Barrier(0) is rejected; async with on a Barrier
# waits and returns the index.
import asyncio

async def main():
    b = asyncio.Barrier(1)
    print([await b.wait() for _ in range(3)])
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print('ValueError:', e)
    b2 = asyncio.Barrier(2)

    async def use():
        async with b2 as idx:
            return idx

    print(sorted(await asyncio.gather(use(), use())))

asyncio.run(main())
