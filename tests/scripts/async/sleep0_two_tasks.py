# Two tasks alternating with sleep(0) plus the main task in the rotation.
import asyncio

async def ticker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    print(name, 'end')

async def main():
    a = asyncio.create_task(ticker('left', 3))
    b = asyncio.create_task(ticker('right', 3))
    for i in range(2):
        print('main', i)
        await asyncio.sleep(0)
    await a
    print('main after a')
    await b
    print('main after b')

asyncio.run(main())
