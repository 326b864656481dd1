# A finished task can be awaited many times; each await gives the same result
# or re-raises the same exception object.
import asyncio

async def compute():
    await asyncio.sleep(0)
    return [1, 2]

async def explode():
    raise RuntimeError('boom')

async def main():
    t = asyncio.create_task(compute())
    a = await t
    b = await t
    print(a, b, a is b)
    e_task = asyncio.create_task(explode())
    errs = []
    for _ in range(2):
        try:
            await e_task
        except RuntimeError as e:
            errs.append(e)
    print(errs[0], errs[0] is errs[1])

asyncio.run(main())
