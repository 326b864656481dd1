# Exceptions raised in tasks keep __cause__/__context__ when re-raised by
# awaiting; a task that catches and re-raises with `from`.
import asyncio

async def lowlevel():
    await asyncio.sleep(0)
    raise ConnectionError('socket gone')

async def highlevel():
    try:
        await lowlevel()
    except ConnectionError as e:
        raise RuntimeError('request failed') from e

async def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        await asyncio.sleep(0)
        raise LookupError('while handling')

async def main():
    t = asyncio.create_task(highlevel())
    try:
        await t
    except RuntimeError as e:
        print(repr(e), 'cause:', repr(e.__cause__), 'suppress:', e.__suppress_context__)
    try:
        await asyncio.create_task(implicit())
    except LookupError as e:
        print(repr(e), 'context:', type(e.__context__).__name__, 'cause:', e.__cause__)

asyncio.run(main())
