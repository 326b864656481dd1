# gather (failure, outer cancel), TaskGroup failure, wait_for and timeout() expiry,
# shield, as_completed and wait(FIRST_COMPLETED) in one program, checking the order.
import asyncio

log = []

async def worker(name, n, fail_at=None):
    try:
        for i in range(n):
            log.append(f'{name}{i}')
            if i == fail_at:
                raise ValueError(f'{name} failed')
            await asyncio.sleep(0)
        return name
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    finally:
        log.append(f'{name} finally')

async def main():
    # gather with failure, siblings continue
    try:
        await asyncio.gather(worker('a', 3), worker('b', 3, fail_at=1), worker('c', 2))
    except ValueError as e:
        log.append(f'gather raised {e}')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log); log.clear()
    # gather cancelled from outside
    g = asyncio.gather(worker('d', 5), worker('e', 5))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        log.append('outer cancelled')
    print(log); log.clear()
    # TaskGroup failure
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker('f', 4))
            tg.create_task(worker('g', 4, fail_at=2))
            tg.create_task(worker('h', 1))
    except* ValueError as eg:
        log.append(f'tg {[str(e) for e in eg.exceptions]}')
    print(log); log.clear()
    # wait_for timeout on a task
    async def slow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log.append('slow cancelled')
            raise
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError as e:
        log.append(f'timeout {type(e).__name__} {e.__class__ is TimeoutError}')
    print(log); log.clear()
    # timeout cm
    try:
        async with asyncio.timeout(0.01) as cm:
            await slow()
    except TimeoutError:
        log.append(f'cm expired {cm.expired()}')
    print(log); log.clear()
    # shield
    inner = asyncio.create_task(worker('s', 3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        log.append('shield outer cancelled')
    log.append(await inner)
    print(log); log.clear()
    # as_completed
    async def after(d, v):
        await asyncio.sleep(d)
        return v
    for f in asyncio.as_completed([after(0.03, 'x'), after(0.01, 'y'), after(0.02, 'z')]):
        log.append(await f)
    print(log); log.clear()
    # wait FIRST_COMPLETED
    ts = [asyncio.create_task(after(d, d)) for d in (0.1, 0.01, 0.2)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    for t in pending: t.cancel()
    done, pending = await asyncio.wait(ts)
    print(len(done), len(pending), [t.cancelled() for t in ts])

asyncio.run(main())
