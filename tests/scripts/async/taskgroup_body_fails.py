# The body of `async with TaskGroup()` raising: the pending child is cancelled and the
# body's exception is wrapped into the ExceptionGroup.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, 'cleaned up')

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            done_child = tg.create_task(asyncio.sleep(0, result='early'))
            tg.create_task(child('c1'))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            print('early child result:', done_child.result())
            raise RuntimeError('body broke')
    except* RuntimeError as eg:
        print('caught from body:', [str(e) for e in eg.exceptions])

asyncio.run(main())
