# Cancelling a task blocked in asyncio.sleep: CancelledError is raised at the
# await, except/finally run, and the task ends cancelled.
import asyncio

async def sleeper():
    print('going to sleep')
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('woken by CancelledError')
        raise
    finally:
        print('sleeper finally')

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    print('cancel requested, done yet?', t.done())
    try:
        await t
    except asyncio.CancelledError:
        print('awaiting it raised CancelledError; cancelled() =', t.cancelled())

asyncio.run(main())
