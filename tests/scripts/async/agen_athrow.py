# athrow() raises inside the generator at the paused yield; the generator can
# handle it and yield again, or let it propagate.
import asyncio

async def resilient():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except ValueError as e:
            print('generator handled', e)
            n = 100

async def main():
    g = resilient()
    print(await g.__anext__(), await g.__anext__())
    print('athrow ->', await g.athrow(ValueError('reset')))
    print('next ->', await g.__anext__())
    try:
        await g.athrow(KeyError('fatal'))
    except KeyError as e:
        print('propagated', repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('generator is finished')

asyncio.run(main())
