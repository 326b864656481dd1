# Creating a coroutine object without awaiting it only emits a RuntimeWarning
# on stderr; the body never runs.
import asyncio

async def side_effect():
    print('this never prints')

async def main():
    side_effect()
    print('created and dropped a coroutine')
    await asyncio.sleep(0)
    print('main done')

asyncio.run(main())
