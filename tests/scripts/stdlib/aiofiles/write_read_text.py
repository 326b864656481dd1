# aiofiles: write a text file, read it back whole, by size, and after seeking.
import asyncio
import aiofiles

PATH = '/tmp/gyre_aiofiles_write_read_text.txt'

async def main():
    async with aiofiles.open(PATH, 'w') as f:
        print(type(f).__name__, f.mode, f.closed)
        print(await f.write('héllo\n'))
        print(await f.write('second line\r\nthird\n'))
        await f.flush()
    print(f.closed)
    async with aiofiles.open(PATH) as f:
        print(repr(await f.read()))
        print(await f.seek(0))
        print(repr(await f.read(3)))
        print(repr(await f.read(4)))
        print(repr(await f.read()))
        print(repr(await f.read()))
    async with aiofiles.open(PATH, 'a') as f:
        await f.write('appended\n')
    f = await aiofiles.open(PATH, mode='r')
    print(len(await f.read()), f.name == PATH)
    await f.close()
    print(f.closed)

asyncio.run(main())
