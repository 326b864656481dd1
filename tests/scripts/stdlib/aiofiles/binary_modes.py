# aiofiles: binary files, seek/tell/truncate, r+b.
import asyncio
import aiofiles

PATH = '/tmp/gyre_aiofiles_binary.bin'

async def main():
    async with aiofiles.open(PATH, 'wb') as f:
        print(type(f).__name__)
        print(await f.write(bytes(range(10))))
        print(await f.write(b'\xff\xfe'))
        print(await f.tell())
    async with aiofiles.open(PATH, 'rb') as f:
        print(type(f).__name__)
        print(await f.read(4))
        print(await f.tell())
        print(await f.seek(-2, 2))
        print(await f.read())
        print(await f.seek(2))
        print(await f.read(3))
    async with aiofiles.open(PATH, 'r+b') as f:
        await f.seek(5)
        print(await f.truncate())
        await f.write(b'XY')
        await f.seek(0)
        print(await f.read())
        print(await f.writable(), f.readable())

asyncio.run(main())
