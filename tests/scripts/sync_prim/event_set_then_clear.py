# set() immediately followed by clear(): waiters that were already waiting are
# still woken (their futures were resolved), new waits block.
import asyncio

async def main():
    ev = asyncio.Event()
    woke = []

    async def w(name):
        await ev.wait()
        woke.append(name)

    t1 = asyncio.create_task(w('early1'))
    t2 = asyncio.create_task(w('early2'))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    t3 = asyncio.create_task(w('after-clear'))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('woke:', woke, 'after-clear done:', t3.done())
    ev.set()
    await t3
    print('woke:', woke)
    await asyncio.gather(t1, t2)

asyncio.run(main())
