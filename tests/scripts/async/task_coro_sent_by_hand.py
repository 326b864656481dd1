# Sending into a task's coroutine by hand while the task waits: CPython's future iterator
# yields the awaited future once more (the task set `_asyncio_future_blocking` back to
# False); a second send raises "await wasn't used with future" inside the coroutine.
import asyncio


async def sleeper(d):
    try:
        await asyncio.sleep(d)
    except BaseException as e:
        print("  sleeper got", type(e).__name__, e)
        raise
    return "slept"


async def waiter(fut):
    try:
        v = await fut
    except BaseException as e:
        print("  waiter got", type(e).__name__, e)
        raise
    return ("got", v)


def send(coro, label):
    try:
        r = coro.send(None)
    except BaseException as e:
        print(label, "raised", type(e).__name__, e)
        return None
    print(label, "yielded, blocking:", r._asyncio_future_blocking)
    return r


async def sleep_once():
    print("sleep, one send")
    t = asyncio.create_task(sleeper(0.05))
    await asyncio.sleep(0)
    r = send(t.get_coro(), " send")
    print(" is the task's waiter:", r is t._fut_waiter, "done:", t.done())
    print(" result:", await t)


async def sleep_waiter_read_first():
    print("sleep, _fut_waiter read, then one send")
    t = asyncio.create_task(sleeper(0.05))
    await asyncio.sleep(0)
    w = t._fut_waiter
    r = send(t.get_coro(), " send")
    print(" same object:", r is w)
    print(" result:", await t)


async def sleep_twice():
    print("sleep, two sends")
    t = asyncio.create_task(sleeper(0.05))
    await asyncio.sleep(0)
    send(t.get_coro(), " send 1")
    send(t.get_coro(), " send 2")
    print(" done:", t.done())
    await asyncio.sleep(0.1)
    print(" done after the delay:", t.done())
    t.cancel()
    try:
        await t
    except BaseException as e:
        print(" await:", type(e).__name__)


async def sleep_with_result():
    print("sleep with a result (no parking on the timer), one send, then two")

    async def r():
        return await asyncio.sleep(0.02, "r")

    t = asyncio.create_task(r())
    await asyncio.sleep(0)
    w = send(t.get_coro(), " send")
    print(" is the task's waiter:", w is t._fut_waiter)
    print(" result:", await t)
    t = asyncio.create_task(r())
    await asyncio.sleep(0)
    send(t.get_coro(), " send 1")
    send(t.get_coro(), " send 2")
    print(" cancel:", t.cancel())
    try:
        await t
    except BaseException as e:
        print(" await:", type(e).__name__)


async def sleep_send_then_cancel():
    print("sleep, one send, then cancel")
    t = asyncio.create_task(sleeper(10))
    await asyncio.sleep(0)
    send(t.get_coro(), " send")
    print(" cancel:", t.cancel("stop"))
    try:
        await t
    except asyncio.CancelledError as e:
        print(" await: CancelledError", e.args)


async def future_once():
    print("future, one send")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    r = send(t.get_coro(), " send")
    print(" is fut:", r is fut, "blocking now:", fut._asyncio_future_blocking)
    loop.call_later(0.01, fut.set_result, 7)
    print(" result:", await t)


async def future_twice():
    print("future, two sends")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    send(t.get_coro(), " send 1")
    send(t.get_coro(), " send 2")
    fut.set_result(1)
    await asyncio.sleep(0)
    print(" done:", t.done())
    try:
        await asyncio.wait_for(t, 0.05)
    except BaseException as e:
        print(" await:", type(e).__name__, e)


async def queue_get():
    print("queue get, one send")
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    r = send(t.get_coro(), " send")
    print(" blocking:", r._asyncio_future_blocking, "done:", r.done())
    q.put_nowait("item")
    print(" result:", await t)


async def queue_get_twice():
    print("queue get, two sends")
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    send(t.get_coro(), " send 1")
    send(t.get_coro(), " send 2")
    q.put_nowait("item")
    await asyncio.sleep(0)
    print(" qsize:", q.qsize(), "getters waiting:", len(q._getters))


async def stream_read():
    print("stream read, one send")
    reader = asyncio.StreamReader()
    t = asyncio.create_task(reader.read(5))
    await asyncio.sleep(0)
    r = send(t.get_coro(), " send")
    print(" is reader's waiter:", r is reader._waiter)
    reader.feed_data(b"hello world")
    print(" result:", await t)


async def event_wait():
    print("event wait, one send")
    ev = asyncio.Event()

    async def w():
        await ev.wait()
        return "set"

    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    send(t.get_coro(), " send")
    ev.set()
    print(" result:", await t)


async def main():
    for case in (sleep_once, sleep_waiter_read_first, sleep_twice, sleep_with_result,
                 sleep_send_then_cancel,
                 future_once, future_twice, queue_get, queue_get_twice, stream_read,
                 event_wait):
        await case()


asyncio.run(main())
