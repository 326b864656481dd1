# asyncio.wait with ALL_COMPLETED (default) and with a timeout that leaves
# some tasks pending (wait never raises TimeoutError and never cancels).
import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return d

def names(ts):
    return sorted(t.get_name() for t in ts)

async def main():
    ts = [asyncio.create_task(nap(d), name=f'nap{i}') for i, d in enumerate([0.0, 0.01, 0.02])]
    done, pending = await asyncio.wait(ts)
    print('all:', names(done), names(pending))
    ts = [asyncio.create_task(nap(d), name=f'n{i}') for i, d in enumerate([0.0, 0.03, 0.2, 0.3])]
    done, pending = await asyncio.wait(ts, timeout=0.1)
    print('timeout: done', names(done), 'pending', names(pending))
    print('pending cancelled?', [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await asyncio.wait(ts, return_when='sometimes')
    except ValueError as e:
        print('ValueError:', e)

asyncio.run(main())
