# asyncio.create_task: arguments, names, errors, no running loop, and a loop whose
# create_task a script replaced.
import asyncio


async def job(x):
    await asyncio.sleep(0)
    return x * 2


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
        return r
    except Exception as e:
        print(label, type(e).__name__, e)


async def main():
    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2), name="second")
    t3 = asyncio.create_task(coro=job(3), name=42)
    print(t2.get_name(), t3.get_name(), t1.get_name().startswith("Task-"))
    print(await t1, await t2, await t3)
    attempt("missing", lambda: asyncio.create_task())
    c = job(4)
    attempt("two positional", lambda: asyncio.create_task(c, "x"))
    attempt("unknown keyword", lambda: asyncio.create_task(c, colour="red"))
    attempt("not a coroutine", lambda: asyncio.create_task(5))
    t = attempt("context", lambda: asyncio.create_task(c, context=None))
    print(await t)

    loop = asyncio.get_running_loop()
    made = []
    original = loop.create_task

    def patched(coro, *, name=None):
        made.append(name)
        return original(coro, name=name)

    loop.create_task = patched
    t = asyncio.create_task(job(5), name="patched")
    print(made, await t)
    del loop.create_task
    print(await asyncio.create_task(job(6)), made)


attempt("no loop", lambda: asyncio.create_task(None))
asyncio.run(main())
