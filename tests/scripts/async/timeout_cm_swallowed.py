# asyncio.timeout() when the body catches the CancelledError itself: the block
# exits normally, TimeoutError is not raised, but expired() is True.
import asyncio

async def main():
    async with asyncio.timeout(0.03) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('body swallowed the cancellation')
    print('block exited normally; expired =', cm.expired())
    print('cancelling() =', asyncio.current_task().cancelling())
    await asyncio.sleep(0)
    print('main still alive')

asyncio.run(main())
