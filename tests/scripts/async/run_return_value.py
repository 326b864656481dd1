# asyncio.run returns the coroutine's return value; can be called several
# times in a row, each with a fresh loop; rejects non-coroutines.
import asyncio

async def compute(x):
    await asyncio.sleep(0)
    return {'double': x * 2}

loops = []

async def grab_loop():
    loops.append(asyncio.get_running_loop())

print(asyncio.run(compute(21)))
print(asyncio.run(compute('ab')))
asyncio.run(grab_loop())
asyncio.run(grab_loop())
print('distinct loops:', loops[0] is not loops[1], 'first closed:', loops[0].is_closed())
try:
    asyncio.run(42)
except ValueError as e:
    print('ValueError:', e)
