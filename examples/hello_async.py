"""A taste of gyre: tasks that sleep, talk through a queue, and finish together."""
import asyncio


async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.01)
        await queue.put(i)
        print(f"produced {i}")
    await queue.put(None)


async def consumer(queue):
    total = 0
    while (item := await queue.get()) is not None:
        total += item * item
        print(f"consumed {item}")
    return total


async def tick(name, delay, times):
    for i in range(times):
        await asyncio.sleep(delay)
        print(f"{name} tick {i}")
    return name


async def main():
    queue = asyncio.Queue(maxsize=2)
    results = await asyncio.gather(producer(queue, 5), consumer(queue), tick("clock", 0.015, 3))
    print("sum of squares:", results[1])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except TimeoutError:
        print("timed out, as planned")


asyncio.run(main())
