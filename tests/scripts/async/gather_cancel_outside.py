# Cancelling the gather future from outside cancels every still-running child;
# awaiting the gather raises CancelledError.
import asyncio

async def child(name, n):
    try:
        for _ in range(n):
            await asyncio.sleep(0)
        print(name, 'completed')
        return name
    except asyncio.CancelledError:
        print(name, 'got cancelled')
        raise

async def main():
    tasks = [asyncio.create_task(child(n, k)) for n, k in [('quick', 1), ('slow', 10), ('slower', 20)]]
    g = asyncio.gather(*tasks)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('cancel returns', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError')
    print([(t.done(), t.cancelled()) for t in tasks])
    print('gather cancelled():', g.cancelled())

asyncio.run(main())
