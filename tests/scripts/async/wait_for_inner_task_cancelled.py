# wait_for on a Task that times out: the task itself ends up cancelled.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(5)
    finally:
        print('task cleanup runs')

async def main():
    t = asyncio.create_task(stubborn(), name='victim')
    try:
        await asyncio.wait_for(t, 0.03)
    except TimeoutError:
        print('timed out')
    print('task done:', t.done(), 'cancelled:', t.cancelled())

asyncio.run(main())
