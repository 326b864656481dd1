# Event.set/clear/is_set/wait: wait returns True immediately when set;
# clear makes later waits block again.
import asyncio

async def main():
    ev = asyncio.Event()
    print('initially set:', ev.is_set())
    ev.set()
    print('wait on set event ->', await ev.wait())
    ev.clear()
    print('after clear:', ev.is_set())

    async def setter():
        await asyncio.sleep(0)
        print('setter sets')
        ev.set()

    t = asyncio.create_task(setter())
    print('waiting...')
    print('woke with', await ev.wait())
    await t
    ev.set()
    ev.set()
    print('double set still just set:', ev.is_set())

asyncio.run(main())
