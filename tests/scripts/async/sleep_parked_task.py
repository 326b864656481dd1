# `sleep(d > 0)` parks its task without a future object: every way the wait can end must
# behave as CPython's sleep, which awaits a real Future resolved by a timer.
import asyncio
import gc
import time


async def sleeper(d, r=None, log=None):
    try:
        x = await asyncio.sleep(d, r)
        print("woke", x)
        return x
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), asyncio.current_task().cancelling())
        raise
    finally:
        if log is not None:
            log.append("finally")


async def cancel_with_message():
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    print(repr(t._fut_waiter))
    print(repr(t).split(" wait_for=")[1])
    w = t._fut_waiter
    print(t.cancel("bye"), t.cancel("again"), t.cancelling())
    print(repr(w))
    try:
        await t
    except asyncio.CancelledError as e:
        print("outer", repr(e))
    print(t.cancelled(), t._fut_waiter)


async def uncancel_and_continue():
    async def body():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print("uncancel", me.uncancel(), me.cancelling())
        return await asyncio.sleep(0.001, "second")
    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    t.cancel()
    print("result", await t)


async def order_of_callbacks():
    # Timers 100 ms apart: the order must not depend on how loaded the machine is.
    loop = asyncio.get_running_loop()
    log = []
    async def s(name, d):
        await asyncio.sleep(d)
        log.append(name)
    tasks = [asyncio.create_task(s("a", 0.2)), asyncio.create_task(s("b", 0.1))]
    loop.call_later(0.1, log.append, "timer-b")
    loop.call_later(0.2, log.append, "timer-a")
    loop.call_soon(log.append, "soon")
    tasks.append(asyncio.create_task(s("c", 0.1)))
    await asyncio.gather(*tasks)
    print(log)


async def results():
    print(await asyncio.sleep(0.001, [1, 2]), await asyncio.sleep(0.001, "x"))
    t = asyncio.create_task(sleeper(0.001, {"k": 1}))
    print(await t)
    print(await asyncio.sleep(-1, "neg"), await asyncio.sleep(0, 5))


async def cancel_before_first_step():
    t = asyncio.create_task(sleeper(10))
    t.cancel("early")
    print(await asyncio.gather(t, return_exceptions=True))


async def cancel_after_timer_fired():
    log = []
    t = asyncio.create_task(sleeper(0.001, "late", log))
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    # Both timers are due in the same iteration: the sleep's fires first and queues the
    # task's wakeup; the cancel runs before that wakeup.
    loop.call_later(0.002, lambda: print("cancel", t.cancel(), t._fut_waiter))
    time.sleep(0.01)
    print(await asyncio.gather(t, return_exceptions=True), log)


async def wait_for_and_timeout():
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.01)
    except TimeoutError:
        print("timeout")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout cm")
    print(await asyncio.wait_for(asyncio.sleep(0.001, "fast"), 1))


async def shielded():
    inner = asyncio.create_task(sleeper(0.01, "inner"))
    outer = asyncio.ensure_future(asyncio.shield(inner))
    await asyncio.sleep(0)
    outer.cancel()
    print(await asyncio.gather(outer, return_exceptions=True))
    print(await inner)


async def unawaited_and_reused():
    s = asyncio.sleep(1)
    print(repr(s).split(" at ")[0], asyncio.iscoroutine(s), asyncio.isfuture(s))
    s.close()
    s2 = asyncio.sleep(0.001, 3)
    print(await s2)
    try:
        await s2
    except RuntimeError as e:
        print("RuntimeError", e)
    t = asyncio.ensure_future(asyncio.sleep(0.001, "as task"))
    print(await t)


async def cycle_through_result():
    class Holder:
        pass
    h = Holder()
    s = asyncio.sleep(0.001, h)
    h.s = s
    print((await s) is h)
    del h, s
    print(gc.collect() > 0)


async def main():
    for step in [cancel_with_message, uncancel_and_continue, order_of_callbacks, results,
                 cancel_before_first_step, cancel_after_timer_fired, wait_for_and_timeout,
                 shielded, unawaited_and_reused, cycle_through_result]:
        print("--", step.__name__)
        await step()


asyncio.run(main())


# A loop closed with a task still sleeping: the task, its coroutine and the sleep object
# are freed by the collector, as CPython frees them.
class Marker:
    def __del__(self):
        print("marker freed")


async def holds_marker():
    m = Marker()
    await asyncio.sleep(3600)
    print(m)


loop = asyncio.new_event_loop()
t = loop.create_task(holds_marker())
loop.run_until_complete(asyncio.sleep(0.001))
loop.close()
del t, loop
gc.collect()
print("end")
