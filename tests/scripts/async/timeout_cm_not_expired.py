# asyncio.timeout() not expiring, and timeout(None) which never expires.
import asyncio

async def main():
    async with asyncio.timeout(0.5) as cm:
        r = await asyncio.sleep(0.01, result='fast')
    print(r, 'expired:', cm.expired(), 'when is set:', cm.when() is not None)
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(0)
    print('None deadline when():', cm2.when(), 'expired:', cm2.expired())

asyncio.run(main())
