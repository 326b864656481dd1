# wait_for timing out raises TimeoutError (the builtin in 3.11) and cancels
# the inner awaitable, whose cleanup runs before wait_for returns.
import asyncio

async def slow(log):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append('inner cancelled')
        raise
    finally:
        log.append('inner finally')

async def main():
    log = []
    try:
        await asyncio.wait_for(slow(log), timeout=0.03)
    except TimeoutError as e:
        log.append('TimeoutError caught: ' + type(e).__name__)
        log.append('is asyncio.TimeoutError: ' + str(asyncio.TimeoutError is TimeoutError))
    print('\n'.join(log))

asyncio.run(main())
