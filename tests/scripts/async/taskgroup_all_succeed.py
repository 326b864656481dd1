# TaskGroup where every child succeeds: the block waits for all of them and
# the results are available on the task objects afterwards.
import asyncio

async def job(name, n):
    for i in range(n):
        await asyncio.sleep(0)
    print('finished', name)
    return name * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job('a', 3))
        t2 = tg.create_task(job('b', 1), name='named-b')
        t3 = tg.create_task(job('c', 2))
        print('body done, tasks done?', [t.done() for t in (t1, t2, t3)])
    print('after block:', t1.result(), t2.result(), t3.result(), t2.get_name())

asyncio.run(main())
