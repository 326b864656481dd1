# Generator-based awaitables over futures: `yield from fut` in __await__, and __await__
# returning fut.__await__(); a done future returns at once.
import asyncio
class Wrapper:
    def __init__(self, fut):
        self.fut = fut
    def __await__(self):
        return (yield from self.fut)
class Wrapper2:
    def __init__(self, fut):
        self.fut = fut
    def __await__(self):
        return self.fut.__await__()
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, 'via yield from')
    print(await Wrapper(f))
    g = loop.create_future()
    loop.call_soon(g.set_result, 'via __await__')
    print(await Wrapper2(g))
    done = loop.create_future()
    done.set_result(5)
    print(await Wrapper(done), list(iter(loop.create_future())) if False else 'skip')
asyncio.run(main())
