# Rescheduling a timeout: extending it lets the body finish; moving it into
# the past (or from None to a deadline) makes it fire.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print('when():', cm.when())
        cm.reschedule(loop.time() + 0.5)
        print('rescheduled, when is later than now:', cm.when() > loop.time())
        await asyncio.sleep(0.01)
    print('survived, expired:', cm.expired())
    try:
        async with asyncio.timeout(0.05) as cm:
            cm.reschedule(loop.time() + 0.5)
            await asyncio.sleep(0.1)
            print('past the original deadline and still running')
            cm.reschedule(loop.time() - 1)
            await asyncio.sleep(1)
    except TimeoutError:
        print('fired after reschedule into the past')

asyncio.run(main())
