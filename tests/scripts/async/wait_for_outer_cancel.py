# Cancelling a task that is inside wait_for cancels the inner awaitable too.
import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('inner saw cancellation')
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=3)
    except asyncio.CancelledError:
        print('outer saw cancellation')
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: outer task cancelled =', t.cancelled())

asyncio.run(main())
