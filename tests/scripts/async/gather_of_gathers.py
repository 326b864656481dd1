# Nested gathers: results nest, and ordering of prints is deterministic.
import asyncio

async def leaf(tag, n):
    for _ in range(n):
        await asyncio.sleep(0)
    print('leaf', tag)
    return tag

async def main():
    inner1 = asyncio.gather(leaf('1a', 2), leaf('1b', 0))
    inner2 = asyncio.gather(leaf('2a', 1), asyncio.gather(leaf('2b', 3), leaf('2c', 0)))
    outer = await asyncio.gather(inner1, inner2, leaf('solo', 1))
    print(outer)

asyncio.run(main())
