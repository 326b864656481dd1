# Cycles through a pending task and its coroutine are collected by gc.collect(), whether
# the script also holds the coroutine (get_coro(), _coro, a local, an attribute) or not,
# and whether the coroutine was made right before create_task or earlier; a finished task's cycle too. (gyre lets a
# task take its fresh coroutine's collector registration: the coroutine is then examined
# through its task.)
import asyncio
import gc
import weakref


class Holder:
    pass


async def plain(h, fut):
    await fut


async def nested(h, fut):
    async def inner():
        await fut

    await inner()


def make(loop, how):
    h = Holder()
    h.fut = loop.create_future()
    if how == "early":
        c = plain(h, h.fut)
        h.other = [1, 2, 3]
        h.task = asyncio.create_task(c)
        del c
    elif how == "kept":
        c = plain(h, h.fut)
        h.c = c
        h.task = asyncio.create_task(c)
    elif how == "attr":
        h.c = plain(h, h.fut)
        h.task = asyncio.create_task(h.c)
    elif how == "nested":
        h.task = asyncio.create_task(nested(h, h.fut))
    elif how == "ensure_future":
        h.task = asyncio.ensure_future(plain(h, h.fut))
    elif how == "loop.create_task":
        h.task = loop.create_task(plain(h, h.fut))
    else:
        h.task = asyncio.create_task(plain(h, h.fut))
    if how == "get_coro":
        h.coro = h.task.get_coro()
    elif how == "_coro":
        h.coro = h.task._coro
    elif how == "list":
        h.coros = [h.task.get_coro(), h.task]
    return weakref.ref(h)


async def main():
    loop = asyncio.get_running_loop()
    for how in [
        "direct",
        "get_coro",
        "_coro",
        "list",
        "early",
        "kept",
        "attr",
        "nested",
        "ensure_future",
        "loop.create_task",
    ]:
        r = make(loop, how)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(how, "alive before collect:", r() is not None)
        print(how, "collect found garbage:", gc.collect() > 0)
        print(how, "alive after collect:", r() is not None)

    # Many at once, with the collector running on its own while they are made.
    refs = [make(loop, "direct") for _ in range(3000)]
    await asyncio.sleep(0)
    gc.collect()
    print("many alive after collect:", sum(r() is not None for r in refs))

    # A task that finishes normally while in a cycle with its holder.
    async def job(h):
        h.me = asyncio.current_task()
        return 7

    h = Holder()
    h.task = asyncio.create_task(job(h))
    print("result", await h.task)
    r = weakref.ref(h)
    del h
    gc.collect()
    print("done task holder alive:", r() is not None)


asyncio.run(main())
print("end")
