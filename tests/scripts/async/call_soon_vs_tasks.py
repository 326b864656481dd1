# Interleaving of plain call_soon callbacks with task steps: tasks are just
# callbacks in the same FIFO ready queue.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []

    async def task_body(name):
        log.append(name + ' step1')
        loop.call_soon(log.append, name + ' callback')
        await asyncio.sleep(0)
        log.append(name + ' step2')

    loop.call_soon(log.append, 'cb before tasks')
    t1 = asyncio.create_task(task_body('T1'))
    loop.call_soon(log.append, 'cb between tasks')
    t2 = asyncio.create_task(task_body('T2'))
    loop.call_soon(log.append, 'cb after tasks')
    await asyncio.gather(t1, t2)
    print('\n'.join(log))

asyncio.run(main())
