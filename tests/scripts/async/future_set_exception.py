# set_exception: awaiting re-raises, exception() returns it, result() raises;
# set_exception with a class instantiates it; StopIteration is rejected.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError('bad value'))
    print('exception():', repr(f.exception()))
    try:
        await f
    except ValueError as e:
        print('await raised', e)
    g = loop.create_future()
    g.set_exception(KeyError)
    print('class instantiated:', repr(g.exception()))
    h = loop.create_future()
    try:
        h.set_exception(StopIteration('no'))
    except TypeError as e:
        print('TypeError:', e)
    h.cancel()

asyncio.run(main())
