# run_in_executor/to_thread of something that is not callable: CPython's worker thread
# fails calling it, so the awaiting code gets "'int' object is not callable".
import asyncio


async def main():
    try:
        await asyncio.to_thread(1)
    except TypeError as e:
        print("to_thread:", e)
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, "text", 2)
    print("future made:", fut.done())
    try:
        await fut
    except TypeError as e:
        print("run_in_executor:", e)
    print(await asyncio.to_thread(divmod, 7, 2))
    print(await asyncio.to_thread(lambda a, *, b: a + b, 1, b=2))


asyncio.run(main())
