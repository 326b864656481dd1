# as_completed with a timeout: results that finish in time, then TimeoutError.
import asyncio

async def timed(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print(name, 'cancelled by main, not by as_completed')
        raise

async def main():
    tasks = [asyncio.create_task(timed(n, d)) for n, d in [('x', 0.3), ('y', 0.01), ('z', 0.04)]]
    got = []
    try:
        for f in asyncio.as_completed(tasks, timeout=0.15):
            got.append(await f)
    except TimeoutError:
        got.append('TimeoutError')
    print(got)
    print('slow task still pending:', not tasks[0].done())
    tasks[0].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

asyncio.run(main())
