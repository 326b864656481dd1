# A task cancelling itself: the CancelledError arrives at its next await.
import asyncio

async def selfish():
    me = asyncio.current_task()
    print('cancel self ->', me.cancel('self-inflicted'))
    print('still running synchronously')
    try:
        await asyncio.sleep(0)
        print('not reached')
    except asyncio.CancelledError as e:
        print('caught at next await:', e.args)
        raise

async def main():
    t = asyncio.create_task(selfish())
    await asyncio.gather(t, return_exceptions=True)
    print('cancelled:', t.cancelled())

asyncio.run(main())
