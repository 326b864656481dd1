# An exception raised by the inner awaitable passes through wait_for unchanged.
import asyncio

class Custom(Exception):
    pass

async def raiser():
    await asyncio.sleep(0)
    raise Custom('from inner', 7)

async def main():
    try:
        await asyncio.wait_for(raiser(), timeout=1)
    except Custom as e:
        print('caught', type(e).__name__, e.args)

asyncio.run(main())
