# len(all_tasks()) as tasks are created and finish (the main task counts).
import asyncio

async def short(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    print('only main:', len(asyncio.all_tasks()))
    ts = [asyncio.create_task(short(i)) for i in range(4)]
    print('after create:', len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print('after one yield:', len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print('after two yields:', len(asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print('after gather:', len(asyncio.all_tasks()))
    print('main in all_tasks:', asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
