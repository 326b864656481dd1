# A child of gather cancelled on its own: gather raises CancelledError unless
# return_exceptions=True, in which case the CancelledError is a result.
import asyncio

async def sleeper(v):
    await asyncio.sleep(0.05)
    return v

async def main():
    a = asyncio.create_task(sleeper('a'))
    b = asyncio.create_task(sleeper('b'))
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0)
    b.cancel()
    res = await g
    print([type(r).__name__ for r in res], res[0])
    c = asyncio.create_task(sleeper('c'))
    d = asyncio.create_task(sleeper('d'))
    g2 = asyncio.gather(c, d)
    await asyncio.sleep(0)
    c.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print('gather without return_exceptions raised CancelledError')
    print('d still runs:', not d.done())
    print('d result:', await d)

asyncio.run(main())
