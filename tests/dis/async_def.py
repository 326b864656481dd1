import asyncio
async def fetch(x):
    await asyncio.sleep(0)
    return x
async def main():
    async with asyncio.timeout(1):
        results = [await fetch(i) for i in range(3)]
    async for item in agen():
        print(item)
    return results
async def agen():
    yield 1
    await asyncio.sleep(0)
