# call_at with the same deadline: the callbacks fire in the order CPython's
# timer heap (heapq, compared by when() only) pops them; a cancelled one is
# skipped. A TimerHandle's when() equals the requested time.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    t = loop.time() + 0.03
    handles = [loop.call_at(t, log.append, name) for name in ('x', 'y', 'z', 'w')]
    loop.call_at(t - 0.01, log.append, 'before')
    loop.call_at(t + 0.03, log.append, 'after')
    print('when() matches:', all(h.when() == t for h in handles))
    handles[2].cancel()
    await asyncio.sleep(0.1)
    print(log)

asyncio.run(main())
