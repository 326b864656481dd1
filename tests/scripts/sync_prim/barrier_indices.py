# Barrier(3): wait() returns indices 0..parties-1 (arrival order); the barrier
# resets and can be reused for a second round.
import asyncio

async def party(name, barrier, delay_yields, log):
    for _ in range(delay_yields):
        await asyncio.sleep(0)
    log.append(f'{name} arrives')
    idx = await barrier.wait()
    log.append(f'{name} passes with index {idx}')
    return idx

async def main():
    b = asyncio.Barrier(3)
    print('parties', b.parties, 'waiting', b.n_waiting, 'broken', b.broken)
    log = []
    res = await asyncio.gather(party('a', b, 2, log), party('b', b, 0, log), party('c', b, 1, log))
    print('\n'.join(log))
    print('indices by party:', res)
    log.clear()
    res = await asyncio.gather(party('x', b, 0, log), party('y', b, 3, log), party('z', b, 1, log))
    print('second round:', res)

asyncio.run(main())
