# asynccontextmanager and AsyncExitStack under asyncio.run.
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack


@asynccontextmanager
async def connection(name):
    print('connect', name)
    await asyncio.sleep(0)
    try:
        yield name + '-conn'
    finally:
        print('disconnect', name)


async def main():
    async with connection('db') as c:
        print('using', c)
    try:
        async with connection('cache'):
            raise KeyError('k')
    except KeyError:
        print('KeyError escaped')
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(connection('a'))
        b = await stack.enter_async_context(connection('b'))
        stack.callback(print, 'sync callback')
        print('both', a, b)


asyncio.run(main())
