# Condition.notify(n) wakes the first n waiters in FIFO order; each re-acquires
# the lock before returning from wait().
import asyncio

async def waiter(name, cond, log):
    async with cond:
        log.append(f'{name} waiting')
        await cond.wait()
        log.append(f'{name} woke, lock held: {cond.locked()}')

async def main():
    cond = asyncio.Condition()
    log = []
    ts = [asyncio.create_task(waiter(f'w{i}', cond, log)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        log.append('notify(1)')
        cond.notify(1)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        log.append('notify(2)')
        cond.notify(2)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    async with cond:
        log.append('notify_all()')
        cond.notify_all()
    await asyncio.gather(*ts)
    print('\n'.join(log))

asyncio.run(main())
