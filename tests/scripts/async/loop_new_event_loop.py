# new_event_loop + run_until_complete: returns the result, the loop is not
# running between calls, can be reused, and close() makes it unusable.
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

loop = asyncio.new_event_loop()
print(loop.run_until_complete(add(1, 2)))
print('running between calls:', loop.is_running())
fut = loop.create_future()
loop.call_soon(fut.set_result, 'future via call_soon')
print(loop.run_until_complete(fut))
task = loop.create_task(add(10, 20))
print(loop.run_until_complete(task), task.done())
loop.close()
print('closed:', loop.is_closed())
c = add(0, 0)
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()
