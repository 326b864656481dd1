# A task that spawns another task mid-way: the new task joins the end of the
# ready queue behind tasks already scheduled.
import asyncio

log = []

async def child(tag):
    log.append(tag + ' start')
    await asyncio.sleep(0)
    log.append(tag + ' end')

async def spawner():
    log.append('spawner 0')
    await asyncio.sleep(0)
    t = asyncio.create_task(child('kid'))
    log.append('spawner 1')
    await asyncio.sleep(0)
    log.append('spawner 2')
    await t
    log.append('spawner joined kid')

async def plain(tag, n):
    for i in range(n):
        log.append(f'{tag} {i}')
        await asyncio.sleep(0)

async def main():
    ts = [asyncio.create_task(spawner()),
          asyncio.create_task(plain('p', 4)),
          asyncio.create_task(plain('q', 2))]
    await asyncio.gather(*ts)
    for line in log:
        print(line)

asyncio.run(main())
