# aiofiles: encodings, a decode error, and large files read in pieces.
import asyncio
import aiofiles

PATH = '/tmp/gyre_aiofiles_encoding.txt'

async def main():
    async with aiofiles.open(PATH, 'w', encoding='latin-1') as f:
        print(f.encoding)
        await f.write('café\n')
    async with aiofiles.open(PATH, 'rb') as f:
        print(await f.read())
    async with aiofiles.open(PATH, encoding='latin-1') as f:
        print(repr(await f.read()))
    try:
        async with aiofiles.open(PATH) as f:
            await f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e.reason, e.start)
    big = ''.join(f'{i:06d}\n' for i in range(30000))
    async with aiofiles.open(PATH, 'w') as f:
        await f.write(big)
    async with aiofiles.open(PATH) as f:
        pieces = []
        while True:
            chunk = await f.read(50000)
            if not chunk:
                break
            pieces.append(len(chunk))
        print(pieces)
    async with aiofiles.open(PATH) as f:
        n = 0
        async for line in f:
            n += 1
        print(n, repr(line))

asyncio.run(main())
