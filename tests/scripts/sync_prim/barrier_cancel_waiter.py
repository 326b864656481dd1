# Cancelling a task blocked in Barrier.wait() does not break the barrier; it
# just lowers n_waiting, so two fresh parties are then needed to fill it.
import asyncio

async def main():
    b = asyncio.Barrier(3)
    log = []

    async def party(name):
        try:
            idx = await b.wait()
            log.append(f'{name} passed')
            return idx
        except asyncio.CancelledError:
            log.append(f'{name} cancelled in wait()')
            raise

    t1 = asyncio.create_task(party('one'))
    t2 = asyncio.create_task(party('two'))
    await asyncio.sleep(0)
    print('n_waiting:', b.n_waiting)
    t1.cancel()
    await asyncio.gather(t1, return_exceptions=True)
    print('after cancel n_waiting:', b.n_waiting, 'broken:', b.broken)
    t3 = asyncio.create_task(party('three'))
    await asyncio.sleep(0)
    print('n_waiting:', b.n_waiting, 't2 done:', t2.done())
    res = await asyncio.gather(t2, t3, party('four'))
    print('indices:', res)
    print('\n'.join(log))

asyncio.run(main())
