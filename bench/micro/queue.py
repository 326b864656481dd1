# asyncio.Queue ping-pong between two tasks.
import asyncio


async def pong(q_in, q_out, n):
    for _ in range(n):
        v = await q_in.get()
        q_out.put_nowait(v + 1)


async def main():
    n = 100_000
    a, b = asyncio.Queue(), asyncio.Queue()
    task = asyncio.create_task(pong(a, b, n))
    v = 0
    for _ in range(n):
        a.put_nowait(v)
        v = await b.get()
    await task
    print(v)


asyncio.run(main())
