# gather retrieves every child's exception (CPython's `_done_callback` calls `exception()`),
# so no "exception was never retrieved" is reported for failed children: after the outer
# future failed, with return_exceptions=True, and after the gather was cancelled.
import asyncio
import gc


async def fail(tag, n):
    for _ in range(n):
        await asyncio.sleep(0)
    raise ValueError(tag)


async def value(v, n):
    for _ in range(n):
        await asyncio.sleep(0)
    return v


async def main():
    loop = asyncio.get_running_loop()
    reports = []
    loop.set_exception_handler(lambda lp, ctx: reports.append(ctx["message"]))
    try:
        await asyncio.gather(fail("first", 1), fail("second", 2), value(3, 3))
    except ValueError as e:
        print("outer failed:", e)
    for _ in range(5):
        await asyncio.sleep(0)
    res = await asyncio.gather(value(1, 2), fail("kept", 1), value(None, 0), return_exceptions=True)
    print("return_exceptions:", [type(r).__name__ + ":" + str(r) for r in res])
    g = asyncio.gather(fail("late", 3), value(2, 1))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    for _ in range(5):
        await asyncio.sleep(0)
    gc.collect()
    print("reports:", reports)
    # The handler does see a failed task nobody retrieved.
    t = asyncio.ensure_future(fail("orphan", 0))
    await asyncio.sleep(0)
    del t
    gc.collect()
    await asyncio.sleep(0)
    print("reports:", reports)


asyncio.run(main())
