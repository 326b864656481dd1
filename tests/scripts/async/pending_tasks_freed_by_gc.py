# Tasks left pending when their loop closes wait on futures nothing else holds: each task,
# its coroutine and the future it awaits form a cycle that the cycle collector frees.
# A task whose future is still reachable is kept, and finishes when the future does.
# (CPython also logs "Task was destroyed but it is pending!" on stderr, not checked here.)
import asyncio
import gc

kept = []


async def on_future(f):
    await f


async def on_event():
    await asyncio.Event().wait()


async def on_sleep():
    await asyncio.sleep(3600)


async def on_kept(f, n):
    v = await f
    print("kept task", n, "got", v)


async def main(loop):
    for _ in range(300):
        asyncio.create_task(on_future(loop.create_future()))
        asyncio.create_task(on_event())
        asyncio.create_task(on_sleep())
    for n in range(3):
        f = loop.create_future()
        kept.append(f)
        asyncio.create_task(on_kept(f, n))
    await asyncio.sleep(0)
    gc.collect()
    for n, f in enumerate(kept):
        f.set_result(n * 10)
    await asyncio.sleep(0)


loop = asyncio.new_event_loop()
loop.run_until_complete(main(loop))
loop.close()
gc.collect()
print("after close and collect:", len(asyncio.all_tasks(loop)))
