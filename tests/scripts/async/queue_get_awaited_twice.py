# Awaiting a finished Queue.get()/put()/join() awaitable again is CPython's "cannot reuse
# already awaited coroutine"; fresh calls keep working (finished awaitables may be recycled).
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    g = q.get()
    print(await g)
    try:
        await g
    except RuntimeError as e:
        print("RuntimeError", e)
    p = q.put(2)
    await p
    try:
        await p
    except RuntimeError as e:
        print("RuntimeError", e)
    print(q.qsize(), await q.get())
    q.task_done()
    q.task_done()
    j = q.join()
    await j
    try:
        await j
    except RuntimeError as e:
        print("RuntimeError", e)
    ops = [q.get() for _ in range(3)]
    for i in range(3):
        q.put_nowait(i * 10)
    print([await op for op in ops])
    print(q.empty())


asyncio.run(main())
