# Lock waiters acquire in FIFO order; each holds the lock across sleep(0).
import asyncio

async def critical(name, lock, log):
    log.append(f'{name} wants lock')
    async with lock:
        log.append(f'{name} in')
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        log.append(f'{name} out')

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(critical(n, lock, log) for n in ('A', 'B', 'C', 'D')))
    print('\n'.join(log))

asyncio.run(main())
