# Cancelling a task that awaits another task cancels the awaited task too,
# innermost first.
import asyncio

async def innermost():
    try:
        await asyncio.sleep(10)
    finally:
        print('innermost finally')

async def middle():
    t = asyncio.create_task(innermost())
    try:
        await t
    finally:
        print('middle finally; innermost cancelled =', t.cancelled())

async def main():
    m = asyncio.create_task(middle())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    m.cancel()
    try:
        await m
    except asyncio.CancelledError:
        print('middle cancelled =', m.cancelled())

asyncio.run(main())
