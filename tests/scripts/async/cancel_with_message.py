# cancel(msg): the message reaches the CancelledError raised inside the task
# (e.args) and the one seen by whoever awaits the task.
import asyncio

async def target():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print('inside args:', e.args)
        raise

async def main():
    t = asyncio.create_task(target())
    await asyncio.sleep(0)
    t.cancel('shutting down now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('outside args:', e.args)
    t2 = asyncio.create_task(target())
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print('no message args:', e.args)
    t3 = asyncio.create_task(target())
    await asyncio.sleep(0)
    t3.cancel(msg=('tuple', 1))
    try:
        t3_res = await t3
    except asyncio.CancelledError as e:
        print('tuple message args:', e.args)

asyncio.run(main())
