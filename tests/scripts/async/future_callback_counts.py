# Done callbacks of a future with none, one, two and several registered: run order,
# removal (first, middle, all), the repr's cb=[...] list, and callbacks added after done.
import asyncio


def make(tag, log):
    def cb(fut):
        log.append((tag, fut.result()))
    cb.__qualname__ = "cb_" + tag
    return cb


async def main():
    loop = asyncio.get_running_loop()
    for n in range(5):
        log = []
        f = loop.create_future()
        cbs = [make(str(i), log) for i in range(n)]
        for cb in cbs:
            f.add_done_callback(cb)
        print(n, repr(f).split(" ", 2)[1:2], "cb=[" in repr(f))
        f.set_result(n)
        await asyncio.sleep(0)
        print(" ran", log)

    log = []
    f = loop.create_future()
    a, b, c = make("a", log), make("b", log), make("c", log)
    for cb in (a, b, a, c):
        f.add_done_callback(cb)
    print("removed a:", f.remove_done_callback(a))
    print("removed b:", f.remove_done_callback(b))
    print("removed b again:", f.remove_done_callback(b))
    f.add_done_callback(b)
    f.set_result("x")
    f.add_done_callback(a)
    await asyncio.sleep(0)
    print(" ran", log)

    log = []
    f = loop.create_future()
    f.add_done_callback(a)
    print("removed only:", f.remove_done_callback(a))
    f.add_done_callback(make("c2", log))
    f.set_result("y")
    await asyncio.sleep(0)
    print(" ran", log)

    # A task awaiting a future that also has a script callback: both run, in order.
    log = []
    f = loop.create_future()

    async def waiter():
        v = await f
        log.append(("waiter", v))

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    f.add_done_callback(make("after", log))
    f.set_result("z")
    await t
    print(" ran", log)


asyncio.run(main())
