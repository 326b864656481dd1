# Cancelling a task before it ever ran: its body never executes, not even up
# to the first await, and no finally runs.
import asyncio

async def body():
    try:
        print('body started (should not print)')
        await asyncio.sleep(0)
    finally:
        print('finally (should not print)')

async def main():
    t = asyncio.create_task(body())
    print('cancel() ->', t.cancel())
    print('done right after cancel:', t.done())
    await asyncio.sleep(0)
    print('done after one yield:', t.done(), 'cancelled:', t.cancelled())

asyncio.run(main())
