# await of a coroutine that returns at once and of an already-done future.
import asyncio


async def value(i):
    return i


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    t = 0
    for i in range(300_000):
        t += await value(i)
        t += await fut
    print(t)


asyncio.run(main())
