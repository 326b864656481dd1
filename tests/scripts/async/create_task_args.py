# asyncio.create_task: arguments, names, errors, no running loop, and a loop whose
# create_task a script replaced. Then the native function's two paths: names that are not
# strings (str() taken after the task exists, as task.set_name does), a name whose __str__
# raises (the task was already made), an instance attribute shadowing loop.create_task or
# not, and the order in which tasks made either way first run.
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


async def echo(x):
    print("run", x)
    return x


class Name:
    def __str__(self):
        return "from-str"


class BadName:
    def __str__(self):
        raise ValueError("no name")


async def fast_path():
    c = echo(1)
    attempt("coro twice", lambda: asyncio.create_task(c, coro=c))
    t = asyncio.create_task(coro=c, name=Name())
    print(t.get_name(), await t)
    before = len(asyncio.all_tasks())
    attempt("bad name", lambda: asyncio.create_task(echo(2), name=BadName()))
    print("tasks made", len(asyncio.all_tasks()) - before)
    await asyncio.sleep(0)
    print(asyncio.create_task.__name__, callable(asyncio.create_task))
    c3 = echo(3)
    attempt("three positional", lambda: asyncio.create_task(c3, None, None))
    c3.close()
    t = asyncio.create_task(echo(4), name=None, context=None)
    print(t.get_name().startswith("Task-"), await t)

    loop = asyncio.get_running_loop()
    original = loop.create_task
    seen = []

    def shadow(coro, **kw):
        seen.append(sorted(kw))
        return original(coro, **kw)

    loop.color = "blue"  # an unrelated instance attribute: still the loop's own method
    ts = [asyncio.create_task(echo(10 + i)) for i in range(3)]
    loop.create_task = shadow
    ts += [asyncio.create_task(echo(20 + i), name=f"s{i}") for i in range(2)]
    del loop.create_task
    ts.append(asyncio.create_task(echo(30)))
    print(await asyncio.gather(*ts), seen, [t.get_name() for t in ts[3:5]])


asyncio.run(fast_path())
