# A cancelled task can await more things inside its finally block; those
# awaits are not interrupted and the task finishes cancelled afterwards.
import asyncio

async def cleanup_step(i):
    await asyncio.sleep(0)
    print('cleanup step', i)

async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print('finally starts')
        for i in range(3):
            await cleanup_step(i)
        await asyncio.sleep(0.01)
        print('finally ends')

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    for i in range(2):
        await asyncio.sleep(0)
        print('main tick', i, 'done:', t.done())
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled:', t.cancelled())

asyncio.run(main())
