# loop.create_future: set_result wakes the awaiting task; state methods before
# and after.
import asyncio

async def waiter(fut):
    print('waiter awaiting')
    v = await fut
    print('waiter got', v)
    return v

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print('initial done:', fut.done(), 'cancelled:', fut.cancelled())
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result({'answer': 42})
    print('after set_result done:', fut.done(), 'result:', fut.result())
    print('waiter finished yet?', t.done())
    await t
    print('future get_loop is running loop:', fut.get_loop() is loop)

asyncio.run(main())
