# all_tasks() while many tasks have finished (the registry drops their entries in batches):
# only unfinished tasks are listed, in creation order, whatever finished around them.
import asyncio


async def short(i):
    await asyncio.sleep(0)
    return i


async def long(ev):
    await ev.wait()


def names():
    return [t.get_name() for t in asyncio.all_tasks()]


async def main():
    ev = asyncio.Event()
    keep = []
    for round_ in range(3):
        shorts = [asyncio.create_task(short(i)) for i in range(300)]
        keep.append(asyncio.create_task(long(ev), name=f"long-{round_}"))
        more = [asyncio.create_task(short(i)) for i in range(200)]
        print(round_, len(asyncio.all_tasks()))
        await asyncio.gather(*shorts, *more)
        print(round_, sorted(names()))
    cur = asyncio.current_task()
    print([t is cur or t.get_name() for t in sorted(asyncio.all_tasks(), key=lambda t: t.get_name())])
    print(all(not t.done() for t in asyncio.all_tasks()))
    ev.set()
    await asyncio.gather(*keep)
    print(names())
    t = asyncio.create_task(short(1))
    print(len(asyncio.all_tasks()), t.get_name() in names())
    await t
    print(names())


asyncio.run(main())
