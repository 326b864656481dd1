# shield: cancelling the waiter does not cancel the shielded task, which runs
# to completion and can be awaited afterwards.
import asyncio

async def important():
    await asyncio.sleep(0.15)
    print('important work finished')
    return 'saved'

async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print('waiter cancelled')
        raise

async def main():
    inner = asyncio.create_task(important())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    w.cancel()
    await asyncio.sleep(0)
    print('waiter cancelled:', w.cancelled(), 'inner cancelled:', inner.cancelled())
    print('inner result:', await inner)

asyncio.run(main())
