# Coroutines and async generators see the exception being handled as CPython's
# exception-state stack has it: a task's except block awaiting, athrow into an async
# generator inside except, __context__ of what a task's await raises.
import asyncio
import sys


def show(label):
    print(label, repr(sys.exception()))


class Boom(Exception):
    pass


async def waits_in_except(ev):
    try:
        raise KeyError("task")
    except KeyError:
        await ev.wait()
        show("  task in except after await:")
    show("  task after except:")
    await asyncio.sleep(0)
    show("  task later:")


async def agen():
    try:
        raise KeyError("agen")
    except KeyError:
        yield 1
        show("  agen in except:")
    show("  agen after except:")
    yield 2


async def agen_catch():
    try:
        raise KeyError("agen own")
    except KeyError:
        try:
            yield 1
        except Boom as b:
            print("  agen caught", repr(b), "context", repr(b.__context__))
            yield 2


async def cancelled_in_except():
    try:
        raise KeyError("own")
    except KeyError:
        await asyncio.sleep(10)


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waits_in_except(ev))
    await asyncio.sleep(0)
    try:
        raise ValueError("main")
    except ValueError:
        ev.set()
        await asyncio.sleep(0)
        show("  main in except:")
    await t

    print("async generator resumed inside the caller's except")
    g = agen()
    await g.__anext__()
    try:
        raise ValueError("caller")
    except ValueError:
        await g.__anext__()
        show("  caller:")
    await g.aclose()

    print("athrow into an async generator inside except")
    g = agen()
    await g.__anext__()
    try:
        await g.athrow(Boom("thrown"))
    except Boom as b:
        print("  got", repr(b), "context", repr(b.__context__))
    g = agen_catch()
    await g.__anext__()
    print("  yielded", await g.athrow(Boom("thrown")))
    await g.aclose()

    print("cancelling a task waiting inside except")
    t = asyncio.create_task(cancelled_in_except())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as c:
        print("  cancelled; context", repr(c.__context__))
    show("  main after:")

    print("coroutine throw inside except")

    class Once:
        def __await__(self):
            yield

    async def sub():
        try:
            raise KeyError("sub")
        except KeyError:
            await Once()

    c = sub()
    c.send(None)
    try:
        c.throw(Boom("x"))
    except Boom as b:
        print("  context", repr(b.__context__))


asyncio.run(main())
show("end:")
