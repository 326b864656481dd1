# Ten call_at callbacks with exactly the same deadline: CPython keeps timers in
# a heapq compared only by deadline, so the firing order is heapq's order for
# this push sequence, not FIFO.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    t = loop.time() + 0.02
    for i in range(10):
        loop.call_at(t, log.append, i)
    await asyncio.sleep(0.06)
    print(log)
    log.clear()
    t = loop.time() + 0.02
    for i in range(3):
        loop.call_at(t, log.append, i)
    await asyncio.sleep(0.06)
    print(log)

asyncio.run(main())
