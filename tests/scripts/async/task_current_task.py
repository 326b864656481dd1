# current_task() inside tasks, identity with the created Task object and
# current_task() outside of any loop.
import asyncio

async def who(expected):
    me = asyncio.current_task()
    print('inside', me.get_name(), 'is expected:', me is expected[0])
    await asyncio.sleep(0)
    print('still same after yield:', asyncio.current_task() is me)

async def main():
    holder = []
    t = asyncio.create_task(who(holder), name='worker')
    holder.append(t)
    main_task = asyncio.current_task()
    print('main task name:', main_task.get_name() == asyncio.current_task().get_name())
    await t
    print('main is not worker:', main_task is not t)

asyncio.run(main(), debug=False)
try:
    asyncio.current_task()
except RuntimeError as e:
    print('outside loop:', e)
