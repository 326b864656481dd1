# Many tasks waiting on one Event wake in the order they started waiting;
# a waiter that arrives after set() does not block.
import asyncio

async def waiter(name, ev, log):
    log.append(f'{name} waits')
    await ev.wait()
    log.append(f'{name} woke')

async def main():
    ev = asyncio.Event()
    log = []
    ts = [asyncio.create_task(waiter(f'w{i}', ev, log)) for i in range(5)]
    await asyncio.sleep(0)
    log.append('main sets')
    ev.set()
    ts.append(asyncio.create_task(waiter('late', ev, log)))
    await asyncio.gather(*ts)
    print('\n'.join(log))

asyncio.run(main())
