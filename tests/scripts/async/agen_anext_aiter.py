# aiter()/anext() builtins, anext with a default, and a class-based async
# iterator.
import asyncio

class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return f'tick{self.n}'

async def two():
    yield 'a'
    yield 'b'

async def main():
    async for t in Ticker(3):
        print(t)
    it = aiter(two())
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    tk = Ticker(1)
    print(aiter(tk) is tk, await anext(tk), await anext(tk, None))

asyncio.run(main())
