# gather returns results in argument order, not completion order; mixes
# coroutines, tasks and futures; the same coroutine passed twice is run once.
import asyncio

async def delayed(v, yields):
    for _ in range(yields):
        await asyncio.sleep(0)
    print('finishing', v)
    return v

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'from-future')
    t = asyncio.create_task(delayed('task', 1))
    res = await asyncio.gather(delayed('slow', 3), t, fut, delayed('fast', 0))
    print(res)
    c = delayed('shared', 1)
    res2 = await asyncio.gather(c, c, c)
    print(res2)
    print(await asyncio.gather())

asyncio.run(main())
