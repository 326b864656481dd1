# inspect.getcoroutinestate / getgeneratorstate through a coroutine's and a generator's
# life: created, running (seen from inside), suspended, closed.
import asyncio
import inspect


def gen():
    print("inside gen:", inspect.getgeneratorstate(g))
    yield 1


async def coro():
    print("inside coro:", inspect.getcoroutinestate(c))
    await asyncio.sleep(0)
    return "done"


g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
print(inspect.GEN_CREATED, inspect.CORO_SUSPENDED)


async def main():
    global c
    c = coro()
    print(inspect.getcoroutinestate(c))
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(c))
    print(await t, inspect.getcoroutinestate(c))
    unused = coro()
    unused.close()
    print(inspect.getcoroutinestate(unused))


asyncio.run(main())
