# as_completed: an awaitable that failed re-raises when its yielded future is
# awaited; the loop can continue afterwards.
import asyncio

async def step(name, n, fail=False):
    for _ in range(n):
        await asyncio.sleep(0)
    if fail:
        raise LookupError(name)
    return name

async def main():
    aws = [step('late', 4), step('broken', 2, fail=True), step('early', 1)]
    for f in asyncio.as_completed(aws):
        try:
            print('ok', await f)
        except LookupError as e:
            print('failed', e)

asyncio.run(main())
