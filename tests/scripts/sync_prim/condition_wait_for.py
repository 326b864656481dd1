# Condition.wait_for(predicate) re-checks the predicate at each notify and
# returns its (truthy) value.
import asyncio

async def main():
    cond = asyncio.Condition()
    box = []

    async def consumer():
        async with cond:
            result = await cond.wait_for(lambda: len(box) >= 3 and list(box))
            print('consumer saw', result)

    t = asyncio.create_task(consumer())
    for item in 'abcd':
        await asyncio.sleep(0)
        async with cond:
            box.append(item)
            print('appended', item)
            cond.notify_all()
    await t
    async with cond:
        print('predicate already true ->', await cond.wait_for(lambda: 'ready'))

asyncio.run(main())
