# loop.time() reads the clock time.monotonic() reads (CPython's selector loop uses
# time.monotonic), so deadlines computed from either agree.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    print("same clock:", abs(loop.time() - time.monotonic()) < 0.01)
    async with asyncio.timeout_at(time.monotonic() + 2) as cm:
        await asyncio.sleep(0.01)
    print("deadline not reached:", cm.expired())
    try:
        async with asyncio.timeout_at(time.monotonic() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("monotonic deadline fired")
    fired = []
    loop.call_at(time.monotonic() + 0.02, fired.append, "call_at")
    await asyncio.sleep(0.05)
    print(fired)


asyncio.run(main())
