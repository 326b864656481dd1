# Shared counter incremented by four tasks with a yield between read and write:
# the lost updates are deterministic given CPython's scheduling.
import asyncio

counter = 0
snapshots = []

async def bump(name, times):
    global counter
    for _ in range(times):
        v = counter
        await asyncio.sleep(0)
        counter = v + 1
        snapshots.append(f'{name}={counter}')

async def main():
    await asyncio.gather(bump('w', 3), bump('x', 3), bump('y', 2), bump('z', 1))
    print('final counter', counter)
    print(snapshots)

asyncio.run(main())
