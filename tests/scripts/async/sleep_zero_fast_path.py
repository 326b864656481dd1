# asyncio.sleep with a delay <= 0 yields exactly once, in every spelling of the call
# (positional int, float, negative, bool, keyword, with a result), and a call site that
# sees asyncio.sleep rebound uses the new function.
import asyncio

log = []


async def worker(name, delay, **kw):
    for i in range(3):
        log.append((name, i))
        r = await asyncio.sleep(delay, **kw)
        if r is not None:
            log.append((name, "result", r))


async def rebind():
    real = asyncio.sleep
    calls = []

    async def counting(d, result=None):
        calls.append(d)
        return await real(d, result)

    for i in range(4):
        if i == 2:
            asyncio.sleep = counting
        await asyncio.sleep(0)
    asyncio.sleep = real
    await asyncio.sleep(0)
    return calls


async def main():
    await asyncio.gather(
        worker("int", 0),
        worker("neg", -5),
        worker("float", 0.0),
        worker("negfloat", -0.5),
        worker("bool", False),
        worker("kw", 0, result="k"),
    )
    for entry in log:
        print(entry)
    print(await asyncio.sleep(0, result=[1, 2]))
    print(await asyncio.sleep(delay=0))
    print(await rebind())


asyncio.run(main())
