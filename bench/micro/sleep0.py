# sleep(0) round robin: 10 tasks each yielding 50k times.
import asyncio


async def worker(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def main():
    rs = await asyncio.gather(*[worker(50_000) for _ in range(10)])
    print(sum(rs))


asyncio.run(main())
