# cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio

async def target(ev):
    me = asyncio.current_task()
    try:
        await ev.wait()
    except asyncio.CancelledError:
        print('in except, cancelling() =', me.cancelling())
        print('uncancel() ->', me.uncancel())
        print('uncancel() ->', me.uncancel())
        print('uncancel() again ->', me.uncancel())
    await asyncio.sleep(0)
    return 'survived'

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(target(ev))
    await asyncio.sleep(0)
    print('before:', t.cancelling())
    print('first cancel ->', t.cancel())
    print('after one cancel:', t.cancelling())
    print('second cancel ->', t.cancel())
    print('after two cancels:', t.cancelling())
    print(await t, 'cancelled():', t.cancelled())

asyncio.run(main())
