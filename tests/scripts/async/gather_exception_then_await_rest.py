# After gather raised the first exception, the remaining children can still be
# awaited individually; a second failing child's exception is retrieved
# explicitly.
import asyncio

async def child(name, steps, fail=False):
    for _ in range(steps):
        await asyncio.sleep(0)
    if fail:
        raise RuntimeError(name)
    return name

async def main():
    tasks = [asyncio.create_task(child('ok-slow', 5)),
             asyncio.create_task(child('bad-fast', 1, fail=True)),
             asyncio.create_task(child('bad-slow', 3, fail=True))]
    try:
        await asyncio.gather(*tasks)
    except RuntimeError as e:
        print('gather raised', e)
    print('done flags right after:', [t.done() for t in tasks])
    print('ok-slow ->', await tasks[0])
    try:
        await tasks[2]
    except RuntimeError as e:
        print('bad-slow raised', e)

asyncio.run(main())
