# When main returns, asyncio.run cancels the one remaining task; its except and
# finally blocks (including awaits) run before run() returns.
import asyncio

async def background():
    print('background started')
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('background cancelled at shutdown')
        await asyncio.sleep(0)
        print('background cleanup awaited')
        raise
    finally:
        print('background finally')

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0)
    print('main returning')
    return 'main result'

print(asyncio.run(main()))
print('after run')
