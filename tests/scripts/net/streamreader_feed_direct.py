# A StreamReader fed by hand (feed_data/feed_eof) with no socket at all:
# readline, readexactly, readuntil and iteration work on the fed bytes, and a
# waiting reader is woken by feed_data from another task.
import asyncio

async def main():
    r = asyncio.StreamReader()
    r.feed_data(b'line one\nline two\nrest')
    print(await r.readline())
    print(await r.readexactly(4))
    print(await r.readuntil(b'\n'))

    async def late_feeder():
        await asyncio.sleep(0)
        print('feeder feeds')
        r.feed_data(b' and more\n')
        await asyncio.sleep(0)
        r.feed_data(b'final')
        r.feed_eof()

    t = asyncio.create_task(late_feeder())
    print('reader waits for newline')
    print(await r.readline())
    print([chunk async for chunk in r])
    await t
    print('at_eof:', r.at_eof())
    print('read after EOF:', await r.read(), await r.readline())

asyncio.run(main())
