# An async generator dropped unfinished just as the main coroutine returns: the finalizer
# hook queues its aclose() task before the main task's done callbacks, so asyncio.run's
# shutdown finds that task pending and cancels it before its first step, and the
# CancelledError goes into the generator itself (CPython 3.11), not GeneratorExit.
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            yield i
        print(name, "exhausted")
    except BaseException as e:
        print(name, "got", type(e).__name__)
        raise
    finally:
        print(name, "finally")


async def main():
    asyncio.current_task().add_done_callback(lambda t: print("main done, tasks:", len(asyncio.all_tasks())))
    print(await anext(ticker("a", 3)))
    async for x in ticker("b", 3):
        print("b yields", x)
        break
    it = aiter(ticker("c", 0))
    print(await anext(it, "default"))


asyncio.run(main())


async def main2():
    async for x in ticker("d", 3):
        break
    await asyncio.sleep(0)
    print("main2 returns")


asyncio.run(main2())
print("done")
