# A coroutine's register stack and frame list grow past their first allocation (sized for
# the coroutine's own code) while the task is suspended and resumed: deep calls and
# recursion inside tasks, a RecursionError caught inside a task, generators run inside a
# coroutine, values thrown in and sent in at suspension points, and a coroutine's frame
# kept alive by a traceback after its task ended.
import asyncio
import sys
import traceback


def depth_sum(n):
    # Nested script calls on the coroutine's own fiber: each pushes a frame and a window.
    if n == 0:
        return 0
    a, b, c, d = n, n * 2, n * 3, n * 4
    return a + b + c + d - 9 * n + depth_sum(n - 1)


async def grows(name, n, log):
    total = 0
    for round_ in range(3):
        total += depth_sum(n + round_ * 50)
        await asyncio.sleep(0)
        log.append((name, round_))
    return total


async def deep_await(n):
    # A chain of coroutines awaiting each other: each call is a frame of its own fiber.
    if n == 0:
        await asyncio.sleep(0)
        return 1
    return 1 + await deep_await(n - 1)


async def recursion_in_task():
    def down(n):
        return down(n + 1) + 1

    try:
        down(0)
    except RecursionError as e:
        caught = type(e).__name__
    await asyncio.sleep(0)
    # The fiber's stack grew to the limit and is still usable after unwinding.
    return caught, depth_sum(100)


async def coroutine_recursion():
    async def again(n):
        return await again(n + 1)

    try:
        await again(0)
    except RecursionError as e:
        return type(e).__name__


def counter(n):
    for i in range(n):
        got = yield i
        if got is not None:
            yield ("got", got)


async def generators_inside():
    out = []
    for v in counter(3):
        out.append(v)
        await asyncio.sleep(0)
    g = counter(5)
    out.append(next(g))
    out.append(g.send("x"))
    await asyncio.sleep(0)
    out.append(next(g))
    out.append(sum(x * x for x in range(10)))
    try:
        g.throw(ValueError("into gen"))
    except ValueError as e:
        out.append(str(e))
    return out


class Boom(Exception):
    pass


async def fails_deep(n):
    local_marker = "kept-%d" % n
    if n == 0:
        await asyncio.sleep(0)
        raise Boom("deep")
    return await fails_deep(n - 1) + local_marker


async def main():
    log = []
    tasks = [asyncio.create_task(grows("t%d" % i, 100 + i * 30, log)) for i in range(4)]
    print(await asyncio.gather(*tasks))
    print(log)
    print(await asyncio.create_task(deep_await(150)))
    print(await asyncio.create_task(recursion_in_task()))
    print(await asyncio.create_task(coroutine_recursion()))
    print(await asyncio.create_task(generators_inside()))

    t = asyncio.create_task(fails_deep(5))
    try:
        await t
    except Boom as e:
        tb = e.__traceback__
    del t
    # The task is gone; the traceback keeps the coroutines' frames.
    frames = []
    while tb is not None:
        f = tb.tb_frame
        frames.append((f.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
    # `cr_frame` of a suspended and of a finished coroutine.
    c = deep_await(3)
    t2 = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(c.cr_frame is not None, c.cr_frame.f_code.co_name, c.cr_running)
    print(await t2, c.cr_frame)


asyncio.run(main())
print(sys.getrecursionlimit())
