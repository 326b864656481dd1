# Several children fail with different exception types before the group
# finishes cancelling: all are collected; except* splits them.
import asyncio

async def fail_with(exc, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_with(KeyError('k1'), 1))
            tg.create_task(fail_with(TypeError('t1'), 1))
            tg.create_task(fail_with(KeyError('k2'), 1))
            tg.create_task(fail_with(OSError('never'), 5))
    except* KeyError as eg:
        print('KeyErrors:', [e.args[0] for e in eg.exceptions])
    except* TypeError as eg:
        print('TypeErrors:', [e.args[0] for e in eg.exceptions])
    except* OSError:
        print('OSError should not be raised (task was cancelled first)')

asyncio.run(main())
