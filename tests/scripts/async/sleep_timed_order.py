# Tasks sleeping for real delays wake in deadline order, regardless of the
# order in which they were created.
import asyncio

async def sleeper(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)

async def main():
    log = []
    specs = [('c', 0.09), ('a', 0.03), ('d', 0.12), ('b', 0.06), ('now', 0)]
    await asyncio.gather(*(sleeper(n, d, log) for n, d in specs))
    print(log)

asyncio.run(main())
