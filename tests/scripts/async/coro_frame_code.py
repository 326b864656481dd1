# cr_frame / gi_frame / ag_frame expose f_code (with co_name) and f_lineno while the
# object is alive, and None once it finished; cr_code / gi_code name the function.
import asyncio


async def fetch(n):
    await asyncio.sleep(0)
    return n * 2


def counter():
    yield 1
    yield 2


async def ticks():
    yield "tick"


async def main():
    c = fetch(3)
    print(c.cr_frame.f_code.co_name, c.cr_code.co_name, c.cr_frame.f_lineno)
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    print("suspended in", c.cr_frame.f_code.co_name, "line", c.cr_frame.f_lineno)
    print(await t, c.cr_frame)
    frames = [task.get_coro().cr_frame.f_code.co_name for task in [asyncio.current_task()]]
    print(frames)
    g = counter()
    print(g.gi_frame.f_code.co_name, g.gi_code.co_name, next(g), g.gi_frame.f_lineno)
    print(list(g), g.gi_frame)
    a = ticks()
    print(a.ag_frame.f_code.co_name, a.ag_code.co_name, await anext(a))
    await a.aclose()
    print(a.ag_frame)


asyncio.run(main())
