# Breaking out of async for does not finalize the generator; aclose() runs its
# finally block (which may await) right away.
import asyncio

async def resource():
    print('open')
    try:
        for i in range(10):
            yield i
    finally:
        await asyncio.sleep(0)
        print('closed in finally')

async def main():
    g = resource()
    async for v in g:
        print('value', v)
        if v == 2:
            break
    print('after break, before aclose')
    await g.aclose()
    print('after aclose')
    await g.aclose()
    print('second aclose is a no-op')
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('exhausted after close')

asyncio.run(main())
