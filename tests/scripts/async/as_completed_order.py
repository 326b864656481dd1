# as_completed yields awaitables in completion order.
import asyncio

async def timed(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    coros = [timed('c', 0.09), timed('a', 0.03), timed('b', 0.06), timed('zero', 0)]
    order = []
    for fut in asyncio.as_completed(coros):
        order.append(await fut)
    print(order)

asyncio.run(main())
