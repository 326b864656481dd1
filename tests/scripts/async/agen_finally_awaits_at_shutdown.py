# Async generators whose finally clause awaits: closed after a break (through the loop's
# finalizer hook), after `del`, and left open when main returns. The last one's aclose()
# task is cancelled by asyncio.run before its first step, so CancelledError goes into the
# generator; its finally then awaits, and the next step throws GeneratorExit there
# (CPython 3.11), so the rest of the finally clause never runs.
import asyncio


async def agen(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    except BaseException as e:
        print(name, "got", type(e).__name__)
        raise
    finally:
        print(name, "finalizing")
        await asyncio.sleep(0)
        print(name, "finalized")


async def user(name, stop):
    async for x in agen(name):
        if x == stop:
            print(name, "breaking")
            break
    print(name, "after loop")


async def main():
    await asyncio.gather(user("A", 1), user("B", 2))
    print("gathered")
    g = agen("C")
    await g.__anext__()
    del g
    print("deleted C")
    await asyncio.sleep(0)
    print("slept")
    await asyncio.sleep(0)
    print("slept 2")
    h = agen("D")
    await h.__anext__()
    print("leaving main with D open")


asyncio.run(main())
print("after run")
