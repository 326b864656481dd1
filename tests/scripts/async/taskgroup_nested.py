# Nested TaskGroups: a failure in the inner group cancels the inner siblings,
# propagates as an ExceptionGroup into the outer group which cancels its own
# children; the outer error nests the inner group.
import asyncio

async def waiter(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise

async def bad():
    await asyncio.sleep(0)
    raise ArithmeticError('inner boom')

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(waiter('inner-sibling'))
        tg.create_task(bad())

async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(waiter('outer-sibling'))
    except* ArithmeticError as eg:
        print('outer group exceptions:', [type(e).__name__ for e in eg.exceptions])
        nested = eg.exceptions[0]
        print('nested:', [str(e) for e in nested.exceptions])

asyncio.run(main())
