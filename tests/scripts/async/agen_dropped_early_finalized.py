# An async generator abandoned by `break` and dropped is closed through the loop (PEP 525
# finalizer hook): its finally runs in an aclose() task while other tasks keep running.
import asyncio
async def agen(name):
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0)
    finally:
        print(name, 'finalized')
async def other():
    for i in range(4):
        print('other', i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(other())
    async for x in agen('a'):
        print('got', x)
        if x == 1:
            break
    print('after break')
    await asyncio.sleep(0)
    print('slept')
    await t
    print([t.get_name() for t in asyncio.all_tasks()])
asyncio.run(main())
