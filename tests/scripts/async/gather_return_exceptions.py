# gather(return_exceptions=True) puts exception objects into the result list
# and lets every awaitable run to completion.
import asyncio

async def value(v, n):
    for _ in range(n):
        await asyncio.sleep(0)
    return v

async def error(exc, n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise exc

async def main():
    res = await asyncio.gather(
        value(1, 2), error(ValueError('v'), 0), value(2, 0),
        error(KeyError('k'), 1), value(3, 3), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))

asyncio.run(main())
