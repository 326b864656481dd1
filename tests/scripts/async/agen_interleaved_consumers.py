# Two tasks each consuming their own async generator that awaits sleep(0):
# output shows the exact interleaving of generator bodies.
import asyncio

async def produce(tag, n):
    for i in range(n):
        print(f'  {tag} producing {i}')
        await asyncio.sleep(0)
        yield i

async def consume(tag, n):
    total = 0
    g = produce(tag, n)
    async for v in g:
        print(f'{tag} consumed {v}')
        total += v
    await g.aclose()
    return total

async def main():
    print(await asyncio.gather(consume('A', 3), consume('B', 2)))

asyncio.run(main())
