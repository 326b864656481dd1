# asyncio.sleep: iscoroutine, results for every delay kind, as a task, in wait_for and
# gather, a TypeError for a bad delay, cancellation, driving by hand with send(), and
# yield from its __await__() inside a generator-based awaitable.
import asyncio
async def main():
    s = asyncio.sleep(0)
    print(asyncio.iscoroutine(s), type(s).__name__)
    print(await asyncio.sleep(0, 'r0'), await asyncio.sleep(0.001, 'r1'), await asyncio.sleep(-5, 'neg'))
    t = asyncio.create_task(asyncio.sleep(0.01, 'task-result'))
    print(await t)
    print(await asyncio.wait_for(asyncio.sleep(0, 'wf'), 1))
    print(await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0.001, 2)))
    try:
        await asyncio.sleep('x')
    except TypeError as e:
        print('TypeError', e)
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(repr(t2).split(' coro=')[0])
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print('cancelled sleep task', t2.cancelled())
    c = asyncio.sleep(0)
    print(c.send(None))
    try:
        c.send(None)
    except StopIteration as e:
        print('StopIteration', e.value)
    async def gen_await():
        class W:
            def __await__(self):
                return (yield from asyncio.sleep(0, 'via yield from').__await__())
        return await W()
    print(await gen_await())
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.05)
    print(0.04 < loop.time() - t0 < 0.2)
asyncio.run(main())
