# Calling run_until_complete / asyncio.run while a loop is already running
# raises RuntimeError with CPython's messages.
import asyncio

async def noop():
    return None

async def main():
    loop = asyncio.get_running_loop()
    c = noop()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()
    c2 = noop()
    try:
        asyncio.run(c2)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c2.close()

asyncio.run(main())
