# Waiter futures of Queue.get()/put(): a waiter a script still holds stays as it was after
# later waits on the same queue (waiters are renewed only when nothing else can see them),
# and every wait parks a pending future of its own.
import asyncio


async def consumer(q, out, n):
    for _ in range(n):
        out.append(await q.get())


async def main():
    q = asyncio.Queue()
    out = []
    seen = []
    t = asyncio.create_task(consumer(q, out, 6))
    for i in range(6):
        await asyncio.sleep(0)
        w = q._getters[0]
        print(i, "parked", w.done(), any(w is s for s in seen))
        if i % 2 == 0:
            seen.append(w)
        q.put_nowait(i)
        print(i, "woken", w.done(), w.result())
    await t
    print("out", out)
    print("held", [(s.done(), s.result(), s.cancelled()) for s in seen])
    print("distinct", len({id(s) for s in seen}))

    # A cancelled get keeps no item and its waiter is not handed out again.
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    cw = q._getters[0]
    g.cancel()
    await asyncio.sleep(0)
    print("cancelled", g.cancelled(), cw.cancelled(), len(q._getters))
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("new waiter", q._getters[0] is cw, q._getters[0].done())
    q.put_nowait("x")
    print("got", await g2, cw.cancelled())

    # put() on a full queue parks too; the held putter stays done with None.
    b = asyncio.Queue(maxsize=1)
    b.put_nowait(0)
    held = []
    for i in range(1, 4):
        p = asyncio.create_task(b.put(i))
        await asyncio.sleep(0)
        held.append(b._putters[0])
        print("putter", i, held[-1].done(), any(held[-1] is h for h in held[:-1]))
        print("get", b.get_nowait())
        await p
    print("held putters", [(h.done(), h.result()) for h in held], b.get_nowait())


asyncio.run(main())

# The same queue used from a second loop: bound to the first one.
q2 = asyncio.Queue()


async def use():
    t = asyncio.create_task(q2.get())
    await asyncio.sleep(0)
    q2.put_nowait(1)
    return await t


print(asyncio.run(use()))
try:
    print(asyncio.run(use()))
except RuntimeError as e:
    print("RuntimeError", "bound to a different event loop" in str(e))
