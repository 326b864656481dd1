# Tasks and futures take script attributes, kept in a hidden dict made on the first store
# (as CPython's _asyncio types do): store, read, delete, missing attributes; no __dict__.
import asyncio


async def work():
    await asyncio.sleep(0)
    return 7


def show_dict(obj):
    try:
        print("dict", obj.__dict__)
    except AttributeError:
        print("no __dict__")
    try:
        print("vars", vars(obj))
    except TypeError as e:
        print("TypeError", e)


async def main():
    t = asyncio.create_task(work())
    print(hasattr(t, "tag"))
    try:
        t.tag
    except AttributeError:
        print("AttributeError on read")
    try:
        del t.tag
    except AttributeError:
        print("AttributeError on delete")
    t.tag = "first"
    print(t.tag, hasattr(t, "tag"), "tag" in dir(t))
    show_dict(t)
    t.tag = "second"
    print(t.tag)
    del t.tag
    print(hasattr(t, "tag"))
    print(await t)

    f = asyncio.get_running_loop().create_future()
    show_dict(f)
    f.note = [1, 2]
    print(f.note, "note" in dir(f))
    f.set_result(3)
    print(await f, f.note)

    class MyFuture(asyncio.Future):
        pass

    m = MyFuture()
    m.x = 1
    print(m.x)
    show_dict(m)
    m.cancel()

    # Many tasks, most without attributes.
    tasks = [asyncio.create_task(work()) for _ in range(5)]
    tasks[2].label = "two"
    print(sum(await asyncio.gather(*tasks)), [getattr(x, "label", None) for x in tasks])


asyncio.run(main())
