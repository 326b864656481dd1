# to_thread(time.sleep, ...) runs off the loop: another task keeps ticking meanwhile;
# to_thread and run_in_executor with plain functions return their results.
import asyncio, time
async def ticker():
    for i in range(5):
        print('tick', i)
        await asyncio.sleep(0.2)
def compute(a, b=1):
    return a * b
async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    await asyncio.to_thread(time.sleep, 0.5)
    print('slept in thread')
    print(await asyncio.to_thread(compute, 6, b=7))
    print(await asyncio.get_running_loop().run_in_executor(None, compute, 3))
    try:
        await asyncio.to_thread(compute)
    except TypeError as e:
        print('TypeError', e)
    await t
asyncio.run(main())
