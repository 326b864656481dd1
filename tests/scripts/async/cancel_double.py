# Two cancel() calls before the task resumes deliver a single CancelledError;
# both calls return True; the task sees the message of the first one, and
# cancelling() counts both requests.
import asyncio

async def target():
    hits = 0
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        hits += 1
        print('CancelledError args', e.args, 'hits', hits)
        raise

async def main():
    t = asyncio.create_task(target())
    await asyncio.sleep(0)
    print(t.cancel('first'), t.cancel('second'))
    try:
        await t
    except asyncio.CancelledError:
        print('task cancelled once, cancelling() =', t.cancelling())

asyncio.run(main())
