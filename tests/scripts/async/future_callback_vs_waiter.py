# Ordering between a done-callback registered before a task awaits the future
# and the task's own wakeup: both are callbacks, in registration order.
import asyncio

async def waiter(name, fut, log):
    await fut
    log.append(name + ' resumed')

async def main():
    loop = asyncio.get_running_loop()
    log = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: log.append('callback A'))
    t1 = asyncio.create_task(waiter('task1', fut, log))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: log.append('callback B'))
    t2 = asyncio.create_task(waiter('task2', fut, log))
    await asyncio.sleep(0)
    fut.set_result(None)
    await asyncio.gather(t1, t2)
    print('\n'.join(log))

asyncio.run(main())
