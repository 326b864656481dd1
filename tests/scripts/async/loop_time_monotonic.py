# loop.time() never goes backwards and advances across a real sleep; only
# comparisons are printed.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0)
    t1 = loop.time()
    await asyncio.sleep(0.03)
    t2 = loop.time()
    print('t1 >= t0:', t1 >= t0)
    print('t2 - t1 >= 0.025:', t2 - t1 >= 0.025)
    print('is float:', type(t0) is float)

asyncio.run(main())
