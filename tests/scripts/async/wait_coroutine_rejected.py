# In 3.11 asyncio.wait accepts a list or set of tasks; a generator or bare
# coroutines are rejected with TypeError.
import asyncio

async def value(v):
    await asyncio.sleep(0)
    return v

async def main():
    ts = {asyncio.create_task(value(i)) for i in range(3)}
    done, pending = await asyncio.wait(ts)
    print(sorted(t.result() for t in done), len(pending))
    gen_done, _ = await asyncio.wait([asyncio.create_task(value(c)) for c in 'ab'])
    print(sorted(t.result() for t in gen_done))
    try:
        await asyncio.wait(t for t in ts)
    except TypeError as e:
        print('TypeError:', e)
    c = value('x')
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print('TypeError:', e)
    c.close()

asyncio.run(main())
