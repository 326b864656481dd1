# asyncio.timeout() expiring: the body is cancelled, TimeoutError leaves the
# block, and the cm reports expired().
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.03) as cm:
            print('expired at start:', cm.expired())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('body sees CancelledError')
                raise
            print('not reached')
    except TimeoutError:
        print('TimeoutError outside the block')
    print('expired after:', cm.expired())
    print('current task cancelling():', asyncio.current_task().cancelling())

asyncio.run(main())
