# shield: cancelling the inner task directly DOES propagate to the shield's
# waiter; an exception inside propagates as usual; a done future passes through.
import asyncio

async def long():
    await asyncio.sleep(1)

async def raiser():
    await asyncio.sleep(0)
    raise OSError('disk')

async def main():
    inner = asyncio.create_task(long())
    s = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print('shield future cancelled too:', s.cancelled())
    try:
        await asyncio.shield(raiser())
    except OSError as e:
        print('exception through shield:', e)
    f = asyncio.get_running_loop().create_future()
    f.set_result(5)
    print('done future through shield:', await asyncio.shield(f), asyncio.shield(f) is f)

asyncio.run(main())
