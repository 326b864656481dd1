# Waiting for an Event with asyncio.wait_for / asyncio.timeout, timing out and
# succeeding.
import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.03)
    except TimeoutError:
        print('event wait timed out')
    asyncio.get_running_loop().call_later(0.03, ev.set)
    async with asyncio.timeout(0.5):
        print('event wait returned', await ev.wait())

asyncio.run(main())
