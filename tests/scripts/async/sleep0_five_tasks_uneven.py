# Five tasks with different numbers of sleep(0) steps: finishing order and
# the exact round-robin interleaving.
import asyncio

trace = []

async def worker(name, steps):
    for i in range(steps):
        trace.append(f'{name}{i}')
        await asyncio.sleep(0)
    trace.append(f'{name}!')
    return steps

async def main():
    specs = [('a', 4), ('b', 1), ('c', 3), ('d', 0), ('e', 2)]
    tasks = [asyncio.create_task(worker(n, s)) for n, s in specs]
    while not all(t.done() for t in tasks):
        await asyncio.sleep(0)
        trace.append('|')
    print(' '.join(trace))
    print([t.result() for t in tasks])

asyncio.run(main())
