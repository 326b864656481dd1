# cancel() on a finished, failed or already cancelled task returns False and
# changes nothing.
import asyncio

async def quick():
    return 'ok'

async def broken():
    raise ValueError('x')

async def main():
    a = asyncio.create_task(quick())
    b = asyncio.create_task(broken())
    await asyncio.sleep(0)
    print('cancel finished:', a.cancel(), a.result(), a.cancelled())
    print('cancel failed:', b.cancel(), repr(b.exception()), b.cancelled())
    c = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    print('cancel cancelled:', c.cancel(), c.cancelled())

asyncio.run(main())
