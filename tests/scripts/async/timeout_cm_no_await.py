# A timeout that expires while the body never awaits: nothing is raised
# because the cancellation is only delivered at an await.
import asyncio
import time

async def main():
    async with asyncio.timeout(0.01) as cm:
        end = time.monotonic() + 0.04
        while time.monotonic() < end:
            pass
        print('busy body finished')
    print('expired:', cm.expired())

asyncio.run(main())
