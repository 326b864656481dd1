# Cancelling the task that runs a TaskGroup cancels its (single) pending
# child; the parent sees CancelledError (not an ExceptionGroup). One child is
# already finished, so the cancellation order never depends on set order.
import asyncio

async def child(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, 'finally')

async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            quick = tg.create_task(asyncio.sleep(0, result='quick'))
            tg.create_task(child('slow'))
    except asyncio.CancelledError:
        print('parent got CancelledError; quick result:', quick.result())
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print('parent cancelled:', p.cancelled())

asyncio.run(main())
