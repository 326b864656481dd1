# A child can add more tasks to its own TaskGroup while the group is active;
# the group waits for those too.
import asyncio

async def leaf(n, log):
    await asyncio.sleep(0)
    log.append(f'leaf {n}')

async def spawner(tg, log):
    for n in range(3):
        tg.create_task(leaf(n, log))
        log.append(f'spawned {n}')
        await asyncio.sleep(0)

async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, log))
        log.append('body exits')
    log.append('group done')
    print('\n'.join(log))

asyncio.run(main())
