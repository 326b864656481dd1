# Default task names count on across asyncio.run calls and Runner shutdowns (one counter per
# interpreter, and each shutdown step runs as a task), and the loop is an AbstractEventLoop.
import asyncio


async def name_of_new_task():
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    return asyncio.current_task().get_name(), t.get_name()


print(asyncio.run(name_of_new_task()))
print(asyncio.run(name_of_new_task()))
with asyncio.Runner() as runner:
    print(runner.run(name_of_new_task()))
    print(runner.run(name_of_new_task()))
    loop = runner.get_loop()
    print(isinstance(loop, asyncio.AbstractEventLoop), isinstance(loop, asyncio.BaseEventLoop))
print(asyncio.run(name_of_new_task()))
