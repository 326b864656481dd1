# With asyncio.Runner, a task created during one run() stays pending and makes
# progress during the next run() on the same loop.
import asyncio

log = []

async def bg():
    for i in range(4):
        log.append(f'bg {i}')
        await asyncio.sleep(0)
    return 'bg done'

async def start():
    return asyncio.create_task(bg())

async def spin(n):
    for i in range(n):
        log.append(f'spin {i}')
        await asyncio.sleep(0)

async def finish(t):
    return await t

with asyncio.Runner() as r:
    t = r.run(start())
    log.append('between runs, done = ' + str(t.done()))
    r.run(spin(2))
    log.append('after spin, done = ' + str(t.done()))
    log.append(r.run(finish(t)))
print('\n'.join(log))
