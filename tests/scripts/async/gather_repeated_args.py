# gather's de-duplication of repeated arguments (CPython's arg_to_fut): repeats among
# pending tasks, after a done future, after a coroutine, a future shared with another
# gather, and one with a script callback added between its two occurrences.
import asyncio


async def val(x, d=0):
    await asyncio.sleep(d)
    return x


async def main():
    t1 = asyncio.create_task(val(1))
    t2 = asyncio.create_task(val(2))
    t3 = asyncio.create_task(val(3))
    print(await asyncio.gather(t1, t2, t1, t3, t2))

    a = asyncio.create_task(val("a"))
    b = asyncio.create_task(val("b"))
    done = asyncio.get_running_loop().create_future()
    done.set_result("d")
    print(await asyncio.gather(a, done, b, done, a))

    a = asyncio.create_task(val("a"))
    c = val("c")
    b = asyncio.create_task(val("b"))
    print(await asyncio.gather(a, c, b, c, a, b))

    shared = asyncio.create_task(val("s", 0.001))
    g1 = asyncio.gather(shared)
    g2 = asyncio.gather(shared, shared, val("x"))
    print(await g2, await g1)

    f = asyncio.get_running_loop().create_future()
    seen = []
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    g = asyncio.gather(f, val("y"), f)
    f.set_result("f")
    print(await g, seen)

    many = [asyncio.create_task(val(i)) for i in range(50)]
    res = await asyncio.gather(*many, *many[::7], many[3])
    print(len(res), res[:5], res[50:], res[-1])

    t = asyncio.create_task(val("late"))
    await t
    print(await asyncio.gather(t, t, asyncio.create_task(val("n"))))


asyncio.run(main())
