# A small pipeline simulation: a producer, two stages and a collector linked by
# futures and sleep(0); prints the exact processing trace.
import asyncio

async def stage(name, inbox, outbox, trace):
    while True:
        item = await inbox.get()
        if item is None:
            await outbox.put(None)
            trace.append(f'{name} stop')
            return
        trace.append(f'{name} {item}')
        await asyncio.sleep(0)
        await outbox.put(item + name)

async def main():
    trace = []
    q1, q2, q3 = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    workers = [asyncio.create_task(stage('A', q1, q2, trace)),
               asyncio.create_task(stage('B', q2, q3, trace))]
    for item in ('x', 'y', 'z', None):
        await q1.put(item)
        trace.append(f'put {item}')
    results = []
    while (r := await q3.get()) is not None:
        results.append(r)
    await asyncio.gather(*workers)
    print('\n'.join(trace))
    print(results)

asyncio.run(main())
