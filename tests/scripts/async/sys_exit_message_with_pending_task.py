# sys.exit("message") in the main task with a pending task: the message is the last line
# of stderr and the exit status is 1, after the pending task was cancelled.
import asyncio
import sys


async def watcher():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("watcher cancelled")
        raise


async def main():
    asyncio.create_task(watcher())
    await asyncio.sleep(0)
    sys.exit("fatal: configuration missing")


asyncio.run(main())
