# asyncio.Runner: several run() calls share one loop; the loop is closed on
# exit from the with block; run() after close raises RuntimeError.
import asyncio

state = []

async def remember(v):
    state.append(v)
    await asyncio.sleep(0)
    return len(state)

async def loop_of():
    return asyncio.get_running_loop()

with asyncio.Runner() as runner:
    print(runner.run(remember('a')))
    print(runner.run(remember('b')))
    l1 = runner.run(loop_of())
    l2 = runner.run(loop_of())
    print('same loop:', l1 is l2, 'get_loop matches:', runner.get_loop() is l1)
print('loop closed after with:', l1.is_closed())
c = remember('c')
try:
    runner.run(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()
print(state)
