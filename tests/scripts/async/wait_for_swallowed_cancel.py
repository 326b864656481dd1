# 3.11 wait_for semantics: on timeout the inner coroutine is cancelled and
# awaited; if it swallows the cancellation and returns a value, wait_for
# returns that value instead of raising TimeoutError.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('inner swallowed the cancellation')
        await asyncio.sleep(0)
        return 'fallback value'

async def main():
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.03)
        print('wait_for returned', r)
    except TimeoutError:
        print('TimeoutError')

asyncio.run(main())
