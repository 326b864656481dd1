# A deep chain of awaits passes values up and exceptions through every level.
import asyncio

async def level(n):
    if n == 0:
        await asyncio.sleep(0)
        return 1
    below = await level(n - 1)
    return below * 2 + n

async def failing(n):
    if n == 0:
        raise ValueError('bottom reached')
    try:
        return await failing(n - 1)
    finally:
        print('unwinding level', n)

async def main():
    print('level(10) =', await level(10))
    try:
        await failing(4)
    except ValueError as e:
        print('caught at top:', e)

asyncio.run(main())
