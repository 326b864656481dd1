# One child of a TaskGroup fails: its siblings are cancelled (their finally
# blocks run) and an ExceptionGroup is raised, handled with except*.
import asyncio

async def sibling(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, 'cancelled by the group')
        raise
    finally:
        print(name, 'finally')

async def failer():
    await asyncio.sleep(0)
    raise ValueError('child failed')

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling('s1'))
            tg.create_task(failer())
            print('body waiting')
    except* ValueError as eg:
        print('except* ValueError:', [str(e) for e in eg.exceptions])
        print('group type:', type(eg).__name__, 'message:', eg.message)
    print('main continues')

asyncio.run(main())
