# timeout_at with an absolute deadline from loop.time(); when() equals it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.03
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print('when matches deadline:', cm.when() == deadline)
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout_at fired')
    async with asyncio.timeout_at(loop.time() + 1) as cm:
        await asyncio.sleep(0)
    print('not fired, expired =', cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() - 10):
            print('body starts even with a past deadline')
            await asyncio.sleep(0)
            print('not reached')
    except TimeoutError:
        print('past deadline fires at first await')

asyncio.run(main())
