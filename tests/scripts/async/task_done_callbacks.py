# Done-callbacks on Tasks: run after the task finishes, in registration order,
# before a task awaiting it resumes when registered earlier; they receive the
# task and can inspect its outcome.
import asyncio

async def job(v):
    await asyncio.sleep(0)
    if v < 0:
        raise ValueError(v)
    return v

async def main():
    log = []
    t = asyncio.create_task(job(7), name='seven')
    t.add_done_callback(lambda task: log.append(f'cb1 {task.get_name()} -> {task.result()}'))

    async def awaiter():
        log.append(f'awaiter got {await t}')

    a = asyncio.create_task(awaiter())
    await asyncio.sleep(0)
    t.add_done_callback(lambda task: log.append('cb2 (registered after the awaiter)'))
    await asyncio.gather(t, a)
    bad = asyncio.create_task(job(-1))
    bad.add_done_callback(lambda task: log.append(f'cb on failure: {task.exception()!r}'))
    await asyncio.gather(bad, return_exceptions=True)
    print('\n'.join(log))

asyncio.run(main())
