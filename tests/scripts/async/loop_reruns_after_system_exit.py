# A SystemExit that ends run_until_complete leaves the loop usable: the next
# run_until_complete runs to completion instead of stopping at once.
import asyncio


async def quitter():
    await asyncio.sleep(0)
    raise SystemExit(2)


async def work(n):
    for i in range(n):
        await asyncio.sleep(0)
    return f"worked {n} steps"


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(quitter())
except SystemExit as e:
    print("SystemExit", e.code)
print(loop.run_until_complete(work(3)))
try:
    loop.run_until_complete(quitter())
except SystemExit as e:
    print("SystemExit again", e.code)
print(loop.run_until_complete(work(5)))
loop.close()
