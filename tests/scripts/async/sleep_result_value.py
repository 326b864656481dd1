# asyncio.sleep(delay, result=...) returns the result; sleep(0) returns None.
import asyncio

async def main():
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0, result='zero'))
    print(await asyncio.sleep(0.01, result=[1, 2, 3]))
    print(await asyncio.sleep(0, 'positional'))
    t = asyncio.create_task(asyncio.sleep(0.01, result={'k': 'v'}))
    print(await t)
    print(await asyncio.sleep(-1, result='negative delay is fine'))

asyncio.run(main())
