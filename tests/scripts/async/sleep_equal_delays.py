# Tasks sleeping the same delay, started in one loop iteration, wake in the
# order they went to sleep; a task whose sleep started later wakes later.
import asyncio

async def napper(name, log):
    await asyncio.sleep(0.03)
    log.append(name)

async def main():
    log = []
    ts = [asyncio.create_task(napper(n, log)) for n in ('n1', 'n2', 'n3')]
    await asyncio.sleep(0.01)
    ts.append(asyncio.create_task(napper('later', log)))
    await asyncio.gather(*ts)
    print(log)

asyncio.run(main())
