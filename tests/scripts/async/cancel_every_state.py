# Cancellation delivered in every state: before the first step, while waiting for a
# lock, while awaiting inside finally, twice in a row, through an awaited task, swallowed
# with uncancel(), and through gather() with a message.
import asyncio

async def guarded(name, lock, log):
    try:
        async with lock:
            log.append(f'{name} acquired')
            await asyncio.sleep(0.01)
    except asyncio.CancelledError as e:
        log.append(f'{name} cancelled args={e.args}')
        raise

async def cleanup_await(log):
    try:
        await asyncio.sleep(1)
    finally:
        log.append('finally start')
        await asyncio.sleep(0)
        log.append('finally end')

async def cancel_in_finally(log):
    try:
        await asyncio.sleep(0)
    finally:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log.append('cancelled inside finally')
            raise

async def main():
    log = []
    # pending (not yet started)
    t = asyncio.create_task(asyncio.sleep(1))
    t.cancel('early')
    try:
        await t
    except asyncio.CancelledError as e:
        log.append(f'not started: {e.args} {t.cancelled()}')
    # awaiting a lock
    lock = asyncio.Lock()
    a = asyncio.create_task(guarded('a', lock, log))
    b = asyncio.create_task(guarded('b', lock, log))
    await asyncio.sleep(0)
    b.cancel('stop b')
    await asyncio.gather(a, b, return_exceptions=True)
    log.append(f'lock {lock.locked()} b={b.cancelled()}')
    # awaiting inside finally
    c = asyncio.create_task(cleanup_await(log))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    log.append(f'c done? {c.done()}')
    r = await asyncio.gather(c, return_exceptions=True)
    log.append(f'c result {type(r[0]).__name__} cancelled={c.cancelled()}')
    # cancelled again while in finally
    d = asyncio.create_task(cancel_in_finally(log))
    await asyncio.sleep(0)
    d.cancel()
    await asyncio.sleep(0)
    d.cancel()
    await asyncio.gather(d, return_exceptions=True)
    log.append(f'd cancelled={d.cancelled()} cancelling={d.cancelling()}')
    # cancel a task awaiting another task
    async def child():
        await asyncio.sleep(1)
    async def parent(ch):
        try:
            await ch
        except asyncio.CancelledError:
            log.append(f'parent sees cancel, child cancelled={ch.cancelled()}')
            raise
    ch = asyncio.create_task(child())
    p = asyncio.create_task(parent(ch))
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    await asyncio.sleep(0)
    log.append(f'child cancelled={ch.cancelled()}')
    # uncancel
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            log.append('stubborn swallowed')
        await asyncio.sleep(0)
        return 'survived'
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    log.append(await s)
    # cancel message through gather
    async def sleeper():
        await asyncio.sleep(1)
    g = asyncio.gather(sleeper(), sleeper())
    await asyncio.sleep(0)
    g.cancel('bye')
    try:
        await g
    except asyncio.CancelledError as e:
        log.append(f'gather cancelled {e.args}')
    print('\n'.join(log))

asyncio.run(main())
