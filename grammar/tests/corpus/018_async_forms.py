import asyncio
async def main():
    await asyncio.sleep(0)
    async with lock:
        pass
    async for item in aiter():
        print(item)
    result = await asyncio.gather(a(), b())
    return [x async for x in agen()]
async def agen():
    yield 1
asyncio.run(main())
