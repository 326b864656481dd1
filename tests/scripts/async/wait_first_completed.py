# asyncio.wait(FIRST_COMPLETED): returns as soon as one task finishes; the
# sorted names of done/pending tasks are printed.
import asyncio

async def job(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n

def names(ts):
    return sorted(t.get_name() for t in ts)

async def main():
    tasks = [asyncio.create_task(job(n), name=f'job{n}') for n in (3, 1, 4, 2, 6)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('done', names(done))
    print('pending', names(pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print('done', names(done))
    print('pending', names(pending))
    if pending:
        await asyncio.wait(pending)
    print('results', [t.result() for t in tasks])

asyncio.run(main())
