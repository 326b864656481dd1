# asend() drives an async generator like send(); the first asend must be None;
# StopAsyncIteration signals exhaustion.
import asyncio

async def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return
        await asyncio.sleep(0)
        total += value

async def main():
    g = accumulator()
    try:
        await g.asend(5)
    except TypeError as e:
        print('TypeError:', e)
    print('start ->', await g.asend(None))
    for v in (3, 4, 10):
        print('sent', v, '->', await g.asend(v))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print('StopAsyncIteration after return')
    await g.aclose()

asyncio.run(main())
