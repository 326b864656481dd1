# finally/except blocks in an async generator when it is exhausted normally,
# when aclose() is called mid-way, and when it yields inside finally
# during aclose (RuntimeError).
import asyncio

async def tracked(tag, n):
    try:
        for i in range(n):
            yield f'{tag}{i}'
    except GeneratorExit:
        print(tag, 'GeneratorExit')
        raise
    finally:
        print(tag, 'finally')

async def bad_closer():
    try:
        yield 1
    finally:
        yield 2

async def main():
    print([v async for v in tracked('full', 2)])
    g = tracked('half', 5)
    print(await g.__anext__())
    await g.aclose()
    b = bad_closer()
    await b.__anext__()
    try:
        await b.aclose()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
