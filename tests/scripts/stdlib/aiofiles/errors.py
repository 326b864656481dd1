# aiofiles: errors from opening and from using a file the wrong way.
import asyncio
import aiofiles

PATH = '/tmp/gyre_aiofiles_errors.txt'

async def main():
    try:
        await aiofiles.open('/tmp/gyre_aiofiles_no_such_dir/x.txt')
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    try:
        async with aiofiles.open('/tmp', 'r') as f:
            await f.read()
    except IsADirectoryError as e:
        print(type(e).__name__, e.errno)
    try:
        aiofiles.open(PATH, 'rw')
        await aiofiles.open(PATH, 'rw')
    except ValueError as e:
        print('ValueError', e)
    async with aiofiles.open(PATH, 'w') as f:
        await f.write('abc')
        try:
            await f.read()
        except OSError as e:
            print(type(e).__name__, e)
        try:
            await f.write(b'bytes')
        except TypeError as e:
            print('TypeError', e)
    try:
        await f.write('late')
    except ValueError as e:
        print('ValueError', e)
    async with aiofiles.open(PATH, 'rb') as f:
        try:
            await f.write(b'x')
        except OSError as e:
            print(type(e).__name__, e)
        try:
            await f.write('text')
        except Exception as e:
            print(type(e).__name__)
    try:
        await f.read()
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
