# Tasks start in creation order at the next loop iteration; create_task
# never runs any of the coroutine synchronously.
import asyncio

log = []

async def job(n):
    log.append(f'job{n} first step')
    await asyncio.sleep(0)
    log.append(f'job{n} second step')

async def main():
    tasks = []
    for n in range(4):
        tasks.append(asyncio.create_task(job(n)))
        log.append(f'created {n}')
    log.append('main yields')
    await asyncio.sleep(0)
    log.append('main resumed')
    await asyncio.wait(tasks)
    log.append('all done')
    print('\n'.join(log))

asyncio.run(main())
