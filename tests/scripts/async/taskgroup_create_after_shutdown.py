# Creating a task in a TaskGroup after its block has exited (or before it was
# entered) raises RuntimeError; in 3.11 the coroutine is left unclosed, so it
# is closed explicitly here.
import asyncio

async def job():
    return 1

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job())
    c = job()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    print('coroutine still unstarted:', c.cr_frame is not None)
    c.close()
    tg2 = asyncio.TaskGroup()
    c2 = job()
    try:
        tg2.create_task(c2)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c2.close()

asyncio.run(main())
