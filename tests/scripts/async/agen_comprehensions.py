# Async comprehensions: list/set/dict comprehensions with async for, await
# inside comprehension expressions and conditions.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def is_even(x):
    return x % 2 == 0

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(8) if await is_even(x)])
    print(sorted({x % 3 async for x in numbers(7)}))
    print({x: await square(x) async for x in numbers(4)})
    print([await square(x) for x in range(5)])
    print([(x, y) async for x in numbers(3) for y in range(x)])
    gen = (await square(x) async for x in numbers(3))
    print(type(gen).__name__, [v async for v in gen])

asyncio.run(main())
