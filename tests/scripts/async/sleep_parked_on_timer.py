# A task awaiting `asyncio.sleep(d > 0)` parks on the timer itself, with no sleep object
# (the common case: nothing else holds the object, no result). Every way such a wait can
# be watched or ended must behave as CPython's sleep, which awaits a Future that a timer
# resolves.
import asyncio
import contextvars
import gc
import time
import traceback

var = contextvars.ContextVar("var", default="unset")


async def sleeper(d):
    try:
        await asyncio.sleep(d)
        print("woke", asyncio.current_task().get_name())
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), asyncio.current_task().cancelling())
        raise


async def inner(d):
    await asyncio.sleep(d)
    return "inner done"


async def outer(d):
    return await inner(d)


async def cancel_plain_and_with_message():
    a = asyncio.create_task(sleeper(10), name="a")
    b = asyncio.create_task(sleeper(10), name="b")
    await asyncio.sleep(0)
    print(repr(a).split(" wait_for=")[1])
    print(a.cancel(), a.cancel(), b.cancel("why"), a.cancelling(), b.cancelling())
    print(repr(a).split(" wait_for=")[1])
    for t in (a, b):
        try:
            await t
        except asyncio.CancelledError as e:
            print("outer", t.get_name(), repr(e), e.args)
    print(a.cancelled(), b.cancelled(), a._fut_waiter, b._fut_waiter)


async def read_waiter_then_wake():
    t = asyncio.create_task(sleeper(0.01), name="read")
    await asyncio.sleep(0)
    w = t._fut_waiter
    print(repr(w), w is t._fut_waiter)
    await t
    print(repr(w), t._fut_waiter)


async def read_waiter_then_cancel():
    t = asyncio.create_task(sleeper(10), name="readc")
    await asyncio.sleep(0)
    w = t._fut_waiter
    print(t.cancel("msg"), repr(w))
    print(await asyncio.gather(t, return_exceptions=True))


async def cancel_after_timer_fired():
    loop = asyncio.get_running_loop()
    b = asyncio.create_task(sleeper(0.2), name="late")
    c = asyncio.create_task(sleeper(0.2), name="late2")
    await asyncio.sleep(0)

    def cancel_b():
        print("cancel late", b.cancel(), repr(b).split(" wait_for=")[1])
        print("cancel late2", c.cancel("m"), repr(c._fut_waiter))

    loop.call_later(0.001, time.sleep, 0.5)
    loop.call_later(0.3, cancel_b)
    for t in (b, c):
        try:
            await t
            print("finished", t.get_name())
        except asyncio.CancelledError as e:
            print("outer", t.get_name(), repr(e))


async def nested_chain():
    t = asyncio.create_task(outer(0.01))
    await asyncio.sleep(0)
    coro = t.get_coro()
    print(type(coro.cr_await).__name__, type(coro.cr_await.cr_await).__name__)
    print([f.f_code.co_name for f in t.get_stack()])
    print(await t)
    t = asyncio.create_task(outer(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
        print("nested cancelled", [n for n in names if n in ("inner", "outer")])


async def held_by_a_variable():
    s = asyncio.sleep(0.001)
    t = asyncio.create_task(asyncio.wait_for(s, 1))
    print(await t, type(s).__name__)

    async def keeps():
        s = asyncio.sleep(0.001, "r")
        return await s, s.__qualname__

    print(await asyncio.create_task(keeps()))


async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timeout")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() timeout")

    async def in_task():
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)

    print(await asyncio.gather(in_task(), return_exceptions=True))


async def closed_by_hand():
    t = asyncio.create_task(sleeper(0.01), name="closed")
    await asyncio.sleep(0)
    t.get_coro().close()
    await asyncio.sleep(0.03)
    print("after close", t.done(), repr(t._fut_waiter))
    t.cancel()
    print(await asyncio.gather(t, return_exceptions=True), t.cancelled())


async def context_and_order():
    log = []

    async def job(name, d):
        var.set(name)
        await asyncio.sleep(d)
        log.append((name, var.get(), asyncio.current_task().get_name()))

    tasks = [asyncio.create_task(job(f"j{i}", 0.01 * (3 - i % 3)), name=f"t{i}") for i in range(6)]
    await asyncio.gather(*tasks)
    print(log)


async def raises_after_sleep():
    async def bad():
        await asyncio.sleep(0.001)
        raise ValueError("after sleep")

    t = asyncio.create_task(bad())
    try:
        await t
    except ValueError as e:
        print("raised", e, [fs.name for fs in traceback.extract_tb(e.__traceback__)][-1])


def driven_by_hand():
    async def c():
        await asyncio.sleep(1)
        return "end"

    coro = c()
    fut = coro.send(None)
    print("hand yield", repr(fut))
    try:
        coro.send(None)
    except RuntimeError as e:
        print("hand", e)
    coro.close()


def outside_the_loop():
    # The task's waiter read and the task cancelled while its loop is not running.
    loop = asyncio.new_event_loop()

    async def start(d):
        t = asyncio.create_task(sleeper(d), name="outside")
        await asyncio.sleep(0)
        return t

    t = loop.run_until_complete(start(0.01))
    w = t._fut_waiter
    print("outside", repr(w))
    loop.run_until_complete(t)
    print("outside", repr(w), t.done())
    t2 = loop.run_until_complete(start(10))
    print("outside cancel", t2.cancel())
    print(loop.run_until_complete(asyncio.gather(t2, return_exceptions=True)))
    loop.close()


def loop_closed_with_parked_tasks():
    loop = asyncio.new_event_loop()

    async def start():
        asyncio.create_task(sleeper(10), name="left")
        await asyncio.sleep(0)

    loop.run_until_complete(start())
    loop.close()
    gc.collect()
    print("loop closed")


async def main():
    await cancel_plain_and_with_message()
    await read_waiter_then_wake()
    await read_waiter_then_cancel()
    await cancel_after_timer_fired()
    await nested_chain()
    await held_by_a_variable()
    await timeouts()
    await closed_by_hand()
    await context_and_order()
    await raises_after_sleep()
    driven_by_hand()


asyncio.run(main())
outside_the_loop()
loop_closed_with_parked_tasks()
