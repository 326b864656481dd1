# Barrier.abort(): current waiters and later callers get BrokenBarrierError;
# reset() makes it usable again.
import asyncio

async def main():
    b = asyncio.Barrier(3)

    async def party(name):
        try:
            await b.wait()
            return f'{name} passed'
        except asyncio.BrokenBarrierError:
            return f'{name} BrokenBarrierError'

    t1 = asyncio.create_task(party('p1'))
    t2 = asyncio.create_task(party('p2'))
    await asyncio.sleep(0)
    print('n_waiting before abort:', b.n_waiting)
    await b.abort()
    print(await t1, '|', await t2, '| broken:', b.broken)
    print(await party('late'))
    await b.reset()
    print('after reset broken:', b.broken)
    print(await asyncio.gather(party('r1'), party('r2'), party('r3')))
    print('BrokenBarrierError is RuntimeError:', issubclass(asyncio.BrokenBarrierError, RuntimeError))

asyncio.run(main())
