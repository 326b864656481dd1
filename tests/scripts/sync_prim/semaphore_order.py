# Semaphore(2): at most two holders; waiters proceed in FIFO order.
import asyncio

async def job(name, sem, log, active):
    async with sem:
        active.append(name)
        log.append(f'{name} start (active {len(active)})')
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        active.remove(name)
        log.append(f'{name} end')

async def main():
    sem = asyncio.Semaphore(2)
    log, active = [], []
    await asyncio.gather(*(job(f'j{i}', sem, log, active) for i in range(5)))
    print('\n'.join(log))

asyncio.run(main())
