# An exception raised in a child task and re-raised by awaiting it escapes
# asyncio.run; the last stderr line names it.
import asyncio

async def child():
    await asyncio.sleep(0)
    return {}['absent']

async def main():
    t = asyncio.create_task(child())
    print('waiting for child')
    await t

asyncio.run(main())
