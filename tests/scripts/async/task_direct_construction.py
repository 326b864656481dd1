# asyncio.Task(coro) constructed directly schedules like create_task; passing
# a non-coroutine raises TypeError; get_coro returns the coroutine.
import asyncio

async def payload():
    await asyncio.sleep(0)
    return 'payload'

async def main():
    c = payload()
    t = asyncio.Task(c, name='direct')
    print('same coro:', t.get_coro() is c, 'name:', t.get_name())
    print(await t)
    try:
        asyncio.Task(5)
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
