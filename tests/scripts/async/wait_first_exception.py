# asyncio.wait(FIRST_EXCEPTION) returns when a task raises; with no failures it
# behaves like ALL_COMPLETED.
import asyncio

async def ok(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n

async def fail(n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(f'fail{n}')

def names(ts):
    return sorted(t.get_name() for t in ts)

async def main():
    ts = [asyncio.create_task(ok(1), name='ok1'),
          asyncio.create_task(fail(2), name='fail2'),
          asyncio.create_task(ok(6), name='ok6'),
          asyncio.create_task(ok(2), name='ok2')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('done', names(done), 'pending', names(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    ts2 = [asyncio.create_task(ok(i), name=f'good{i}') for i in range(3)]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print('no failures: done', names(done), 'pending', names(pending))

asyncio.run(main())
