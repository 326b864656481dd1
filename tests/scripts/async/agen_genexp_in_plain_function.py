# A generator expression that awaits (or uses async for) is an async generator expression,
# allowed even inside a plain function; it is consumed with async for.
import asyncio

def doubled(source):
    return (x * 2 async for x in source)

def awaited(coros):
    return (await c for c in coros)

async def count(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def value(i):
    await asyncio.sleep(0)
    return i * 10

async def main():
    print([x async for x in doubled(count(3))])
    print([x async for x in awaited([value(1), value(2)])])
    print(type(doubled(count(0))).__name__)

asyncio.run(main())
