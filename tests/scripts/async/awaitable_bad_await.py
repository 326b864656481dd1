# __await__ returning a non-iterator, and awaiting a non-awaitable, raise
# TypeError with CPython's messages.
import asyncio

class ReturnsInt:
    def __await__(self):
        return 5

class NoAwait:
    pass

async def main():
    try:
        await ReturnsInt()
    except TypeError as e:
        print('TypeError:', e)
    try:
        await NoAwait()
    except TypeError as e:
        print('TypeError:', e)
    try:
        await 3
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
