# ensure_future wraps coroutines into tasks, returns futures/tasks unchanged,
# wraps custom awaitables, and rejects other objects with TypeError.
import asyncio

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'custom'

async def coro():
    return 'coro'

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, await t)
    f = loop.create_future()
    print('future returned as-is:', asyncio.ensure_future(f) is f)
    print('task returned as-is:', asyncio.ensure_future(t) is t)
    w = asyncio.ensure_future(Awaitable())
    print(type(w).__name__, await w)
    f.cancel()
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
