# A task cancelled while waiting on a Condition still re-acquires the lock
# before the CancelledError propagates out of wait().
import asyncio

async def main():
    cond = asyncio.Condition()
    log = []

    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log.append(f'cancelled inside wait, lock held: {cond.locked()}')
                raise
        log.append('not reached')

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    log.append(f'task cancelled: {t.cancelled()}, lock free: {not cond.locked()}')
    print('\n'.join(log))

asyncio.run(main())
