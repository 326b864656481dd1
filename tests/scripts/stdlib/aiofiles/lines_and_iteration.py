# aiofiles: readline, readlines and async for over a text file.
import asyncio
import aiofiles

PATH = '/tmp/gyre_aiofiles_lines.txt'

async def main():
    async with aiofiles.open(PATH, 'w') as f:
        await f.writelines([f'line {i}\n' for i in range(5)])
        await f.write('no newline at end')
    async with aiofiles.open(PATH) as f:
        print(repr(await f.readline()))
        print(repr(await f.readline()))
        print(await f.readlines())
        print(repr(await f.readline()))
    async with aiofiles.open(PATH) as f:
        async for line in f:
            print('got', repr(line))
    async with aiofiles.open(PATH, 'rb') as f:
        n = 0
        async for line in f:
            n += 1
            last = line
        print(n, last)

asyncio.run(main())
