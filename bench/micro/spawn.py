# Task spawn: create_task + gather of many short tasks.
import asyncio


async def job(i):
    await asyncio.sleep(0)
    return i


async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(100_000)]
    rs = await asyncio.gather(*tasks)
    print(sum(rs))


asyncio.run(main())
